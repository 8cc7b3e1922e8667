import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLIENT_ID, TEST_TENANT_ID } from './test-tenant.ts';
import { appToken } from './tokens.ts';
import { expectGraphError, startGraphFixture, type GraphFixture } from './graph-fixture.ts';

let f: GraphFixture;
beforeAll(async () => {
  f = await startGraphFixture();
});
afterAll(async () => {
  await f.t.dispose();
});

describe('GET /users/{id|upn}', () => {
  it('finds a person by id or UPN with the default properties; others only with $select', async () => {
    const person = f.people[42]!;
    const byId = await f.graph(`/users/${person.id}`, f.app);
    const byUpn = await f.graph(`/users/${encodeURIComponent(person.userPrincipalName.toUpperCase())}`, f.app);
    expect(byId.status).toBe(200);
    expect(byId.body['@odata.context']).toBe(`${f.t.tenant.url}/v1.0/$metadata#users/$entity`);
    expect(byUpn.body).toEqual(byId.body);
    expect(byId.body).toMatchObject({ id: person.id, displayName: person.displayName, jobTitle: person.jobTitle, userPrincipalName: person.userPrincipalName });
    expect(byId.body['department']).toBeUndefined();
    const selected = await f.graph(`/users/${person.id}?$select=department,officeLocation,employeeHireDate`, f.app);
    expect(selected.body).toMatchObject({ department: person.department, officeLocation: person.officeLocation, employeeHireDate: person.employeeHireDate });
  });

  it('answers 404 Request_ResourceNotFound for an unknown id', async () => {
    const missing = '12345678-90ab-4cde-8f01-234567890abc';
    expectGraphError(await f.graph(`/users/${missing}`, f.app), 404, 'Request_ResourceNotFound', `Resource '${missing}' does not exist or one of its queried reference-property objects are not present.`);
  });

  it("keeps tenants apart: the other tenant's app token sees only its own people", async () => {
    const otherToken = await appToken(f.t.tenant.url, f.t.tenant.otherTenantId, TEST_CLIENT_ID, f.t.tenant.clientSecret);
    const list = await f.graph('/users?$select=id,userPrincipalName', otherToken);
    expect(list.body['value']).toHaveLength(f.t.tenant.directory.people(f.t.tenant.otherTenantId).length);
    expect(list.body['value'].every((u: { userPrincipalName: string }) => u.userPrincipalName.endsWith('@tailspintoys.example'))).toBe(true);
    expectGraphError(await f.graph(`/users/${f.people[3]!.id}`, otherToken), 404, 'Request_ResourceNotFound');
  });
});

describe('manager and direct reports', () => {
  it('returns each person’s manager, and 404 for the top of the tree', async () => {
    for (const person of f.people.filter((_, i) => i % 25 === 1)) {
      const answer = await f.graph(`/users/${person.id}/manager?$select=id,displayName`, f.app);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        '@odata.context': `${f.t.tenant.url}/v1.0/$metadata#directoryObjects(id,displayName)/$entity`,
        '@odata.type': '#microsoft.graph.user',
        id: person.managerId,
        displayName: f.people.find((p) => p.id === person.managerId)!.displayName,
      });
    }
    const ceo = f.t.tenant.directory.root(TEST_TENANT_ID)!;
    expectGraphError(await f.graph(`/users/${ceo.id}/manager`, f.app), 404, 'Request_ResourceNotFound', "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
  });

  it('lists direct reports consistently with manager, paged', async () => {
    const managers = f.t.tenant.directory.managers(TEST_TENANT_ID);
    for (const manager of managers.slice(0, 12)) {
      const ids: string[] = [];
      let link: string | undefined = `/users/${manager.id}/directReports?$select=id&$top=2`;
      while (link) {
        const answer = await f.graph(link, f.app);
        expect(answer.body['@odata.context']).toBe(`${f.t.tenant.url}/v1.0/$metadata#directoryObjects(id)`);
        ids.push(...answer.body['value'].map((u: { id: string }) => u.id));
        link = answer.body['@odata.nextLink'];
      }
      expect(ids.sort()).toEqual(f.people.filter((p) => p.managerId === manager.id).map((p) => p.id).sort());
    }
    const leaf = f.people.find((p) => !managers.includes(p))!;
    expect((await f.graph(`/users/${leaf.id}/directReports`, f.app)).body['value']).toEqual([]);
  });
});

describe('/me', () => {
  it('is the signed-in user with a delegated token', async () => {
    const answer = await f.graph('/me', f.delegated);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: f.me.id, userPrincipalName: f.me.userPrincipalName });
    expect((await f.graph('/me/manager?$select=id', f.delegated)).body['id']).toBe(f.me.managerId);
  });

  it('is refused with an app-only token', async () => {
    expectGraphError(await f.graph('/me', f.app), 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  });
});

describe('mailboxSettings', () => {
  it("has Graph's shape with the person's zone, working hours and language", async () => {
    const person = f.people.find((p) => p.workingHours.daysOfWeek.length === 5)!;
    const answer = await f.graph(`/users/${person.id}/mailboxSettings`, f.app);
    expect(answer.status).toBe(200);
    expect(answer.body['@odata.context']).toBe(`${f.t.tenant.url}/v1.0/$metadata#users('${person.id}')/mailboxSettings`);
    expect(Object.keys(answer.body).sort()).toEqual(
      ['@odata.context', 'archiveFolder', 'automaticRepliesSetting', 'dateFormat', 'delegateMeetingMessageDeliveryOptions', 'language', 'timeFormat', 'timeZone', 'userPurpose', 'workingHours'].sort(),
    );
    expect(answer.body['timeZone']).toBe(person.mailboxTimeZone);
    expect(answer.body['workingHours']).toEqual({
      daysOfWeek: [...person.workingHours.daysOfWeek],
      startTime: `${person.workingHours.startTime}:00.0000000`,
      endTime: `${person.workingHours.endTime}:00.0000000`,
      timeZone: { name: person.workingHours.timeZone },
    });
    expect(answer.body['language']['locale']).toBe(person.preferredLanguage);
    expect(answer.body['language']['displayName']).toMatch(/\(.+\)/);
    expect(answer.body['automaticRepliesSetting']['status']).toBe('disabled');
    expect(answer.body['userPurpose']).toBe('user');
  });

  it('serves single properties: timeZone as a value, workingHours as an object', async () => {
    const person = f.people[60]!;
    const zone = await f.graph(`/users/${person.userPrincipalName}/mailboxSettings/timeZone`, f.app);
    expect(zone.body).toEqual({ '@odata.context': `${f.t.tenant.url}/v1.0/$metadata#users('${person.id}')/mailboxSettings/timeZone`, value: person.mailboxTimeZone });
    const hours = await f.graph(`/users/${person.id}/mailboxSettings/workingHours`, f.app);
    expect(hours.body['startTime']).toBe(`${person.workingHours.startTime}:00.0000000`);
    expect(hours.body['timeZone']).toEqual({ name: person.workingHours.timeZone });
  });

  it('lets a delegated user read only their own', async () => {
    expect((await f.graph('/me/mailboxSettings', f.delegated)).body['timeZone']).toBe(f.me.mailboxTimeZone);
    const other = f.people.find((p) => p.id !== f.me.id)!;
    expectGraphError(await f.graph(`/users/${other.id}/mailboxSettings`, f.delegated), 403, 'ErrorAccessDenied');
  });
});
