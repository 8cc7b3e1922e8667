import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrafficTenant, type TrafficTenant } from '../throttling/traffic-kit.ts';

let k: TrafficTenant;

beforeAll(async () => {
  k = await startTrafficTenant();
});
afterAll(async () => {
  await k.dispose();
});

const user = (id: string, i = 0) => ({ id, method: 'GET', url: `/users/${k.people[i]!.id}` });

async function expectBadBatch(requests: unknown[], message: string | RegExp): Promise<void> {
  const answer = await k.batch(requests);
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe('BadRequest');
  if (typeof message === 'string') expect(answer.body.error.message).toBe(message);
  else expect(answer.body.error.message).toMatch(message);
  expect(answer.body.error.innerError['request-id']).toBe(answer.headers.get('request-id'));
}

describe('$batch validation (the whole batch fails with 400)', () => {
  it('accepts 20 requests and refuses 21', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => user(String(i + 1), i));
    const ok = await k.batch(twenty);
    expect(ok.status).toBe(200);
    expect(ok.body.responses).toHaveLength(20);
    await expectBadBatch([...twenty, user('21', 20)], 'Number of requests inside batch exceeds the limit.');
  });

  it('refuses duplicate ids', async () => {
    await expectBadBatch([user('a'), user('b', 1), user('a', 2)], /ids must be unique: 'a'/);
  });

  it.each([
    ['id', { method: 'GET', url: '/users' }],
    ['method', { id: '1', url: '/users' }],
    ['url', { id: '1', method: 'GET' }],
  ])('refuses a request without %s, naming it', async (field, request) => {
    await expectBadBatch([request], new RegExp(`requests\\[0\\]\\.${field} is required`));
  });

  it('refuses an unknown method, an absolute URL, a body without Content-Type and a malformed payload', async () => {
    await expectBadBatch([{ id: '1', method: 'FETCH', url: '/users' }], /requests\[0\]\.method must be one of/);
    await expectBadBatch([{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/users' }], /Invalid request URL/);
    await expectBadBatch([{ id: '1', method: 'GET', url: '/../_devtenant/faults' }], /Invalid request URL/);
    await expectBadBatch([{ id: '7', method: 'POST', url: `/users/${k.people[0]!.id}/calendar/getSchedule`, body: {} }], 'Write request id : 7 does not contain Content-Type header or body.');
    const notBatch = await k.call('POST', '/$batch', { body: { request: [] } });
    expect(notBatch.status).toBe(400);
  });

  it('refuses a batch inside a batch, however it is spelled', async () => {
    for (const url of ['/$batch', '%24batch', 'users/../$batch', '/$BATCH/']) {
      await expectBadBatch([{ id: '1', method: 'POST', url, body: { requests: [] }, headers: { 'content-type': 'application/json' } }], /batch cannot contain another batch/);
    }
  });

  it('refuses dependsOn naming no request of the batch, and cycles', async () => {
    await expectBadBatch([user('1'), { ...user('2'), dependsOn: ['9'] }], "Request '2' depends on '9', which is not a request of this batch.");
    await expectBadBatch([{ ...user('1'), dependsOn: ['3'] }, { ...user('2'), dependsOn: ['1'] }, { ...user('3'), dependsOn: ['2'] }], /form a cycle/);
    await expectBadBatch([{ ...user('1'), dependsOn: ['1'] }], /form a cycle/);
  });

  it('answers 401 for the whole batch without a valid token, and 405 to GET', async () => {
    const noToken = await k.batch([user('1')], null);
    expect(noToken.status).toBe(401);
    expect(noToken.body.error.code).toBe('InvalidAuthenticationToken');
    const get = await k.call('GET', '/$batch');
    expect(get.status).toBe(405);
  });
});
