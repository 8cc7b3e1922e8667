import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEYS, GRAPH_JSON, expectGraphError, startGraphFixture, type GraphFixture } from './graph-fixture.ts';

let f: GraphFixture;
beforeAll(async () => {
  f = await startGraphFixture();
});
afterAll(async () => {
  await f.t.dispose();
});

describe('GET /users', () => {
  it('returns the default property set, a context, Graph headers and an absolute next link', async () => {
    const answer = await f.graph('/users', f.app, { 'client-request-id': 'my-correlation-id' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(GRAPH_JSON);
    expect(answer.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get('client-request-id')).toBe('my-correlation-id');
    expect(answer.body['@odata.context']).toBe(`${f.t.tenant.url}/v1.0/$metadata#users`);
    expect(answer.body['value']).toHaveLength(100);
    for (const user of answer.body['value']) expect(Object.keys(user).sort()).toEqual([...DEFAULT_KEYS].sort());
    const next = new URL(answer.body['@odata.nextLink']);
    expect(next.origin + next.pathname).toBe(`${f.t.tenant.url}/v1.0/users`);
    expect(next.searchParams.get('$skiptoken')).toBeTruthy();
  });

  it('honours $select, including properties outside the default set', async () => {
    const answer = await f.graph('/users?$select=id,department,employeeHireDate,usageLocation,employeeType&$top=5', f.app);
    expect(answer.body['@odata.context']).toBe(`${f.t.tenant.url}/v1.0/$metadata#users(id,department,employeeHireDate,usageLocation,employeeType)`);
    for (const user of answer.body['value']) {
      expect(Object.keys(user).sort()).toEqual(['department', 'employeeHireDate', 'employeeType', 'id', 'usageLocation']);
      const person = f.people.find((p) => p.id === user.id)!;
      expect(user).toEqual({ id: person.id, department: person.department, employeeHireDate: person.employeeHireDate, usageLocation: person.usageLocation, employeeType: person.employeeType });
    }
    expectGraphError(await f.graph('/users?$select=id,shoeSize', f.app), 400, 'BadRequest', "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
  });

  it('pages through every person exactly once', async () => {
    const seen: string[] = [];
    let link: string | undefined = '/users?$top=37&$select=id';
    let pages = 0;
    while (link) {
      const answer = await f.graph(link, f.app);
      expect(answer.status).toBe(200);
      seen.push(...answer.body['value'].map((u: { id: string }) => u.id));
      link = answer.body['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(Math.ceil(f.people.length / 37));
    expect(seen).toHaveLength(f.people.length);
    expect(new Set(seen)).toEqual(new Set(f.people.map((p) => p.id)));
  });

  it('filters by department, displayName prefix and accountEnabled, case-insensitively', async () => {
    const engineering = await f.graph("/users?$filter=department eq 'engineering'&$select=id,department&$top=999", f.app);
    const expected = f.people.filter((p) => p.department === 'Engineering').map((p) => p.id);
    expect(engineering.body['value'].map((u: { id: string }) => u.id)).toEqual(expected);

    const prefix = f.people[7]!.displayName.slice(0, 2);
    const byPrefix = await f.graph(`/users?$filter=${encodeURIComponent(`startswith(displayName,'${prefix}')`)}&$select=displayName&$top=999`, f.app);
    const expectedNames = f.people.filter((p) => p.displayName.toLowerCase().startsWith(prefix.toLowerCase())).map((p) => p.displayName);
    expect(byPrefix.body['value'].map((u: { displayName: string }) => u.displayName)).toEqual(expectedNames);

    const enabled = await f.graph('/users?$filter=accountEnabled eq true&$select=id,accountEnabled&$top=999', f.app);
    expect(enabled.body['value']).toHaveLength(f.people.filter((p) => p.accountEnabled).length);
    expect(enabled.body['value'].length).toBeLessThan(f.people.length);

    const both = await f.graph("/users?$filter=department eq 'Human Resources' and accountEnabled eq true&$select=department&$top=999", f.app);
    expect(both.body['value'].length).toBeGreaterThan(0);
    expect(both.body['value'].every((u: { department: string }) => u.department === 'Human Resources')).toBe(true);
  });

  it('refuses unsupported filters and page sizes with Graph errors', async () => {
    expectGraphError(await f.graph("/users?$filter=jobTitle ne 'CEO'", f.app), 400, 'Request_UnsupportedQuery');
    expectGraphError(await f.graph("/users?$filter=endswith(mail,'@fabrikam.example')", f.app), 400, 'Request_UnsupportedQuery');
    expectGraphError(await f.graph("/users?$filter=skills eq 'x'", f.app), 400, 'Request_UnsupportedQuery', /property 'skills'/);
    expectGraphError(await f.graph("/users?$filter=department eq 'Sales", f.app), 400, 'BadRequest', /^Invalid filter clause/);
    expectGraphError(await f.graph("/users?$filter=accountEnabled eq 'yes'", f.app), 400, 'BadRequest', /incompatible types/);
    expectGraphError(await f.graph('/users?$top=0', f.app), 400, 'Request_UnsupportedQuery', "Invalid page size specified: '0'. Must be between 1 and 999 inclusive.");
    expectGraphError(await f.graph('/users?$top=1000', f.app), 400, 'Request_UnsupportedQuery');
    expectGraphError(await f.graph('/users?$skiptoken=garbage', f.app), 400, 'Directory_ExpiredPageToken');
    expect((await f.graph('/users?$top=999&$select=id', f.app)).body['value']).toHaveLength(f.people.length);
  });

  it('counts with ConsistencyLevel: eventual only', async () => {
    expectGraphError(await f.graph('/users?$count=true', f.app), 400, 'Request_BadRequest');
    const counted = await f.graph('/users?$count=true&$top=1', f.app, { ConsistencyLevel: 'eventual' });
    expect(counted.body['@odata.count']).toBe(f.people.length);
    const plain = await f.graph("/users/$count?$filter=department eq 'Legal'", f.app, { ConsistencyLevel: 'eventual' });
    expect(plain.body['text']).toBe(String(f.people.filter((p) => p.department === 'Legal').length));
  });

  it('orders by displayName and expands the manager', async () => {
    const ordered = await f.graph('/users?$orderby=displayName&$select=displayName&$top=999', f.app);
    const names: string[] = ordered.body['value'].map((u: { displayName: string }) => u.displayName.toLowerCase());
    expect(names).toEqual([...names].sort());
    const expanded = await f.graph('/users?$select=id&$expand=manager($select=id,displayName)&$top=20', f.app);
    for (const user of expanded.body['value']) {
      const person = f.people.find((p) => p.id === user.id)!;
      if (person.managerId === null) expect(user.manager).toBeUndefined();
      else expect(user.manager).toMatchObject({ '@odata.type': '#microsoft.graph.user', id: person.managerId });
    }
  });
});
