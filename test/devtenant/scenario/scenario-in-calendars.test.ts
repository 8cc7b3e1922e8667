import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appToken } from '../tokens.ts';
import { startTestTenant, TEST_CLIENT_ID, TEST_TENANT_ID, type TestTenant } from '../test-tenant.ts';

const EXAMPLE = 'src/devtenant/scenario/examples/kathmandu-st-johns.yaml';

/** A scenario pins exact calendars: its items appear, and nothing generated is added to them. */
let dev: TestTenant;
let token: string;

async function schedule(upn: string, from: string, to: string) {
  const response = await fetch(`${dev.tenant.url}/v1.0/users/${upn}/calendar/getSchedule`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', Prefer: 'outlook.timezone="UTC"' },
    body: JSON.stringify({ schedules: [upn], startTime: { dateTime: from, timeZone: 'UTC' }, endTime: { dateTime: to, timeZone: 'UTC' } }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: Array<{ scheduleItems: Array<{ status: string; start: { dateTime: string } }> }> }).value[0]!;
}

beforeAll(async () => {
  dev = await startTestTenant({ scenarioFile: EXAMPLE });
  token = await appToken(dev.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, dev.tenant.clientSecret);
});
afterAll(() => dev.dispose());

describe('a scenario in the calendars', () => {
  it('holds exactly the items the file gives a person, recurring ones expanded', async () => {
    // Sunita: biweekly Monday 09:00 Kathmandu (03:15 UTC) sprint planning from 5 January 2026.
    const info = await schedule('sunita.shrestha@fabrikam.example', '2026-01-05T00:00:00', '2026-02-02T00:00:00');
    expect(info.scheduleItems.map((i) => i.start.dateTime.slice(0, 16))).toEqual(['2026-01-05T03:15', '2026-01-19T03:15']);
  });

  it('gives a person without items an empty calendar (no generated meetings on top)', async () => {
    const info = await schedule('grace.hall@fabrikam.example', '2026-01-05T00:00:00', '2026-02-02T00:00:00');
    expect(info.scheduleItems).toEqual([]);
  });

  it('keeps the scenario once after a restart with saved state', async () => {
    const again = await startTestTenant({ scenarioFile: EXAMPLE, dataDir: dev.dataDir });
    try {
      const appTokenAgain = await appToken(again.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, again.tenant.clientSecret);
      const response = await fetch(`${again.tenant.url}/v1.0/users/sunita.shrestha@fabrikam.example/calendarView?startDateTime=2026-01-05T00:00:00Z&endDateTime=2026-02-02T00:00:00Z`, {
        headers: { authorization: `Bearer ${appTokenAgain}` },
      });
      expect(((await response.json()) as { value: unknown[] }).value).toHaveLength(2);
    } finally {
      await again.tenant.close();
    }
  });
});
