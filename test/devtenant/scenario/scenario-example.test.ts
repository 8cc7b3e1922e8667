import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevPerson } from '../../../src/devtenant/dev-tenant.ts';
import { TEST_CLIENT_ID, TEST_TENANT_ID, startTestTenant, type TestTenant } from '../test-tenant.ts';
import { appToken } from '../tokens.ts';

const EXAMPLE = fileURLToPath(new URL('../../../src/devtenant/scenario/examples/kathmandu-st-johns.yaml', import.meta.url));
const UPNS = ['grace.hall', 'connor.murphy', 'mariana.rodriguez', 'lena.weber', 'sunita.shrestha', 'bikash.thapa'].map((n) => `${n}@fabrikam.example`);

let t: TestTenant;
let token: string;

beforeAll(async () => {
  t = await startTestTenant({ scenarioFile: EXAMPLE });
  token = await appToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret);
});
afterAll(async () => {
  await t.dispose();
});

async function graph(path: string): Promise<any> {
  const response = await fetch(`${t.tenant.url}/v1.0${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.json();
}

const person = (upn: string): DevPerson => t.tenant.directory.find(TEST_TENANT_ID, upn)!;

/** A person's working hours on a date as a UTC interval (epoch ms), from the mailbox's zone. */
function workingInterval(p: DevPerson, date: string): [number, number] {
  const zone = p.ianaTimeZone;
  const at = (hhmm: string) => Temporal.PlainDateTime.from(`${date}T${hhmm}`).toZonedDateTime(zone).epochMilliseconds;
  return [at(p.workingHours.startTime), at(p.workingHours.endTime)];
}
const overlapMinutes = (a: [number, number], b: [number, number]) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0])) / 60_000;

describe('the Kathmandu / St John’s example scenario', () => {
  it('replaces the generated organisation: its six people, and only they, come back from /v1.0/users', async () => {
    const body = await graph('/users?$select=userPrincipalName,displayName,jobTitle');
    expect(body.value.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toEqual(UPNS);
    expect(body.value.find((u: { userPrincipalName: string }) => u.userPrincipalName === UPNS[4]).jobTitle).toBe('Senior Software Engineer');
    // The second, generated organisation is still there for cross-tenant tests.
    expect(t.tenant.directory.people(t.tenant.otherTenantId).length).toBe(20);
  });

  it('serves managers, mailbox zones in the spelling the file used, working hours and the program admin role', async () => {
    const sunita = person('sunita.shrestha@fabrikam.example');
    expect((await graph(`/users/${sunita.id}/manager`)).userPrincipalName).toBe('connor.murphy@fabrikam.example');
    const bikash = await graph('/users/bikash.thapa@fabrikam.example/mailboxSettings');
    expect(bikash.timeZone).toBe('Nepal Standard Time');
    expect(bikash.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '09:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: 'Nepal Standard Time' },
    });
    expect(t.tenant.directory.admins(TEST_TENANT_ID).map((p) => p.userPrincipalName)).toEqual(['lena.weber@fabrikam.example']);
    expect(t.tenant.directory.root(TEST_TENANT_ID)!.userPrincipalName).toBe('grace.hall@fabrikam.example');
  });

  it('holds what the file says: Sunita and Connor never overlap, Bikash and Mariana share 45 minutes, all year', () => {
    const [sunita, connor, bikash, mariana] = ['sunita.shrestha', 'connor.murphy', 'bikash.thapa', 'mariana.rodriguez'].map((n) => person(`${n}@fabrikam.example`)) as [DevPerson, DevPerson, DevPerson, DevPerson];
    for (const date of ['2026-01-14', '2026-03-10', '2026-06-17', '2026-10-21', '2026-11-04']) {
      expect(overlapMinutes(workingInterval(sunita, date), workingInterval(connor, date))).toBe(0);
      expect(overlapMinutes(workingInterval(bikash, date), workingInterval(mariana, date))).toBe(45);
    }
  });

  it('exposes the calendar items in Graph’s shapes, recurrences and the out-of-office week included', () => {
    const items = t.tenant.scenario!.calendarItems;
    expect(items.map((i) => `${i.ownerUpn}:${i.subject}`)).toEqual([
      'connor.murphy@fabrikam.example:Physiotherapy',
      'sunita.shrestha@fabrikam.example:Sprint planning',
      'mariana.rodriguez@fabrikam.example:Weekly data sync',
      'bikash.thapa@fabrikam.example:Annual leave',
    ]);
    const sync = items[2]!;
    expect(sync.start).toEqual({ dateTime: '2026-01-06T07:30:00', timeZone: 'E. South America Standard Time' });
    expect(sync.recurrence).toEqual({ pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] }, range: { type: 'noEnd', startDate: '2026-01-06' } });
    expect(sync.attendees).toEqual([{ id: person('bikash.thapa@fabrikam.example').id, upn: 'bikash.thapa@fabrikam.example', displayName: 'Bikash Thapa' }]);
    expect(items[0]!.isPrivate).toBe(true);
    expect(items[3]).toMatchObject({ showAs: 'oof', isAllDay: true, ownerId: person('bikash.thapa@fabrikam.example').id });
  });
});
