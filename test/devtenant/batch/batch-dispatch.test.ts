import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GRAPH_JSON_CONTENT_TYPE } from '../../../src/devtenant/graph-module-kit.ts';
import { startTrafficTenant, tally, type TrafficTenant } from '../throttling/traffic-kit.ts';

let k: TrafficTenant;

beforeAll(async () => {
  k = await startTrafficTenant();
});
afterAll(async () => {
  await k.dispose();
});
beforeEach(async () => {
  await k.setFaults({});
  k.calls.length = 0;
});

interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: any;
}
const byId = (responses: SubResponse[]): Map<string, SubResponse> => new Map(responses.map((r) => [r.id, r]));
const schedule = (id: string, mailbox: string, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'POST',
  url: `/users/${mailbox}/calendar/getSchedule`,
  headers: { 'Content-Type': 'application/json' },
  body: { schedules: [mailbox], id },
  ...extra,
});

describe('$batch dispatch', () => {
  it('runs each request through the Graph pipeline and answers {responses: [{id, status, headers, body}]}', async () => {
    const [a, b] = [k.people[1]!, k.people[2]!];
    const answer = await k.batch([
      { id: '1', method: 'GET', url: `/users/${a.id}?$select=displayName,id` },
      { id: '2', method: 'GET', url: `users/${b.userPrincipalName}/mailboxSettings/timeZone` },
      schedule('3', a.id),
      { id: '4', method: 'GET', url: '/users/00000000-0000-4000-8000-000000000000' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(GRAPH_JSON_CONTENT_TYPE);
    const responses = byId(answer.body.responses);
    expect([...responses.keys()].sort()).toEqual(['1', '2', '3', '4']);
    expect(responses.get('1')).toMatchObject({ status: 200, body: { id: a.id, displayName: a.displayName } });
    expect(responses.get('1')!.headers['Content-Type']).toBe(GRAPH_JSON_CONTENT_TYPE);
    expect(responses.get('2')).toMatchObject({ status: 200, body: { value: b.mailboxTimeZone } });
    // The body reached the route as JSON.
    expect(responses.get('3')).toMatchObject({ status: 200, body: { mailbox: a.id, echo: { schedules: [a.id], id: '3' } } });
    expect(responses.get('4')).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
  });

  it('gives a request whose dependency failed 424 Failed Dependency, transitively, and runs the rest', async () => {
    const answer = await k.batch([
      { id: '1', method: 'GET', url: '/users/nobody@fabrikam.example' },
      { ...schedule('2', k.people[1]!.id), dependsOn: ['1'] },
      { ...schedule('3', k.people[2]!.id), dependsOn: ['2'] },
      schedule('4', k.people[3]!.id),
      { id: '5', method: 'GET', url: `/users/${k.people[4]!.id}`, dependsOn: ['4'] },
    ]);
    const responses = byId(answer.body.responses);
    expect(responses.get('1')!.status).toBe(404);
    for (const id of ['2', '3']) {
      expect(responses.get(id)!.status).toBe(424);
      expect(responses.get(id)!.body.error).toMatchObject({ code: 'FailedDependency', message: 'Failed Dependency' });
    }
    expect(responses.get('4')!.status).toBe(200);
    expect(responses.get('5')!.status).toBe(200);
    // The skipped requests never reached the route.
    expect(k.calls.map((c) => c.mailbox)).toEqual([k.people[3]!.id]);
  });

  it('starts a dependant only after its dependency answered, and runs independent requests concurrently', async () => {
    const people = k.people.slice(1, 5).map((p) => p.id);
    const started = performance.now();
    const answer = await k.batch([
      schedule('a', people[0]!, { url: `/users/${people[0]}/calendar/getSchedule?delay=150` }),
      schedule('b', people[1]!, { url: `/users/${people[1]}/calendar/getSchedule?delay=150`, dependsOn: ['a'] }),
      schedule('x', people[2]!, { url: `/users/${people[2]}/calendar/getSchedule?delay=150` }),
      schedule('y', people[3]!, { url: `/users/${people[3]}/calendar/getSchedule?delay=150` }),
    ]);
    const elapsed = performance.now() - started;
    expect(answer.body.responses.map((r: SubResponse) => r.status)).toEqual([200, 200, 200, 200]);
    const call = (mailbox: string) => k.calls.find((c) => c.mailbox === mailbox)!;
    expect(call(people[1]!).startedAt).toBeGreaterThanOrEqual(call(people[0]!).finishedAt);
    // x and y overlap a; the whole batch takes two rounds, not four.
    expect(call(people[2]!).startedAt).toBeLessThan(call(people[0]!).finishedAt);
    expect(call(people[3]!).startedAt).toBeLessThan(call(people[0]!).finishedAt);
    expect(elapsed).toBeLessThan(590);
    // Answers come in completion order: b, which waited for a, is last.
    expect(answer.body.responses.at(-1).id).toBe('b');
  });

  it('throttles each request on its own: the 5th concurrent request to a mailbox gets 429 with its own Retry-After', async () => {
    await k.setFaults({ latency: { fixedMs: 300 } });
    const mailbox = k.people[5]!.id;
    const answer = await k.batch([
      ...Array.from({ length: 5 }, (_, i) => schedule(`same-${i}`, mailbox)),
      ...k.people.slice(6, 9).map((p, i) => schedule(`other-${i}`, p.id)),
    ]);
    expect(answer.status).toBe(200);
    const responses: SubResponse[] = answer.body.responses;
    const same = responses.filter((r) => r.id.startsWith('same-'));
    expect(tally(same.map((r) => r.status))).toEqual({ 200: 4, 429: 1 });
    const refused = same.find((r) => r.status === 429)!;
    expect(refused.headers['Retry-After']).toBe('1');
    expect(refused.body.error.code).toBe('ApplicationThrottled');
    expect(responses.filter((r) => r.id.startsWith('other-')).map((r) => r.status)).toEqual([200, 200, 200]);
    // The batch request itself holds no slot: the mailbox saw exactly 4 at once.
    const stats = (await k.admin('GET', '/stats')).body;
    expect(stats.mailboxes.find((m: { mailbox: string }) => m.mailbox === mailbox).maxConcurrent).toBe(4);
  });

  it('applies the caller’s permissions to each request: denied ones fail inside a 200 batch', async () => {
    const answer = await k.batch(
      [
        { id: 'users', method: 'GET', url: '/users' },
        { id: 'me', method: 'GET', url: '/me' },
        schedule('ok', k.people[1]!.id),
        // A sub-request cannot bring its own token: the batch's caller is the caller.
        { id: 'own-token', method: 'GET', url: `/users/${k.people[1]!.id}`, headers: { Authorization: `Bearer ${k.app}` } },
      ],
      k.limited,
    );
    expect(answer.status).toBe(200);
    const responses = byId(answer.body.responses);
    expect(responses.get('users')).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
    expect(responses.get('me')).toMatchObject({ status: 400, body: { error: { message: '/me request is only valid with delegated authentication flow.' } } });
    expect(responses.get('ok')!.status).toBe(200);
    expect(responses.get('own-token')!.status).toBe(403);
  });

  it('answers the same per id whatever the order of the requests', async () => {
    const requests = [
      { id: 'u1', method: 'GET', url: `/users/${k.people[1]!.id}` },
      { id: 'u2', method: 'GET', url: `/users/${k.people[2]!.userPrincipalName}?$select=jobTitle` },
      { id: 'missing', method: 'GET', url: '/users/missing@fabrikam.example' },
      { id: 'ms', method: 'GET', url: `/users/${k.people[3]!.id}/mailboxSettings/workingHours` },
      schedule('s', k.people[4]!.id),
    ];
    const stable = (responses: SubResponse[]) =>
      [...responses]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((r) => ({ id: r.id, status: r.status, body: r.status < 400 ? r.body : r.body.error.code }));
    const forward = await k.batch(requests);
    const backward = await k.batch([...requests].reverse());
    expect(stable(backward.body.responses)).toEqual(stable(forward.body.responses));
    expect(stable(forward.body.responses).map((r) => r.status)).toEqual([404, 200, 200, 200, 200]);
  });

  it('answers 504 for a request whose connection was dropped, and the rest as usual', async () => {
    await k.setFaults({ timeout: { rate: 1, afterMs: 20, outcome: 'drop' } });
    const answer = await k.batch([schedule('dropped', k.people[1]!.id), { id: 'directory', method: 'GET', url: `/users/${k.people[1]!.id}` }]);
    const responses = byId(answer.body.responses);
    expect(responses.get('dropped')).toMatchObject({ status: 504, body: { error: { code: 'GatewayTimeout' } } });
    expect(responses.get('directory')!.status).toBe(200);
  });
});
