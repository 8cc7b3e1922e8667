import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLIENT_ID, TEST_TENANT_ID, startTestTenant, type TestTenant } from '../test-tenant.ts';
import { appToken } from '../tokens.ts';
import { tally } from '../throttling/traffic-kit.ts';

/** The real calendar module (the built-in Graph modules), batched and throttled. */
let t: TestTenant;
let token: string;

beforeAll(async () => {
  t = await startTestTenant({ size: 40, faults: { latency: { fixedMs: 250 } } });
  token = await appToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret);
});
afterAll(async () => {
  await t.dispose();
});

async function batch(requests: unknown[]): Promise<{ id: string; status: number; headers: Record<string, string>; body: any }[]> {
  const response = await fetch(`${t.tenant.url}/v1.0/$batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ requests }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { responses: { id: string; status: number; headers: Record<string, string>; body: any }[] }).responses;
}

describe('$batch with the calendar module', () => {
  it('answers getSchedule and calendarView inside a batch, and throttles the 5th getSchedule on one mailbox', async () => {
    const people = t.tenant.directory.people(TEST_TENANT_ID);
    const organizer = people[1]!;
    const window = { startTime: { dateTime: '2026-03-02T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-03-07T00:00:00', timeZone: 'UTC' } };
    const responses = await batch([
      ...Array.from({ length: 5 }, (_, i) => ({
        id: `schedule-${i}`,
        method: 'POST',
        url: `/users/${organizer.id}/calendar/getSchedule`,
        headers: { 'Content-Type': 'application/json' },
        body: { schedules: [people[2 + i]!.mail], ...window },
      })),
      { id: 'view', method: 'GET', url: `/users/${people[10]!.id}/calendarView?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-03T00:00:00Z` },
    ]);
    const schedules = responses.filter((r) => r.id.startsWith('schedule-'));
    expect(tally(schedules.map((r) => r.status))).toEqual({ 200: 4, 429: 1 });
    const ok = schedules.find((r) => r.status === 200)!;
    expect(ok.body.value[0]).toHaveProperty('availabilityView');
    const refused = schedules.find((r) => r.status === 429)!;
    expect(refused.headers['Retry-After']).toBe('1');
    expect(refused.body.error.code).toBe('ApplicationThrottled');
    const view = responses.find((r) => r.id === 'view')!;
    expect(view.status).toBe(200);
    expect(Array.isArray(view.body.value)).toBe(true);
  });
});
