import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epochMs } from '../../src/core/time.ts';
import { createAppTokenProvider } from '../../src/graph/app-token-provider.ts';
import { readAvailability } from '../../src/graph/free-busy.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';
import { startTestTenant, TEST_CLIENT_ID, TEST_TENANT_ID, type TestTenant } from '../devtenant/test-tenant.ts';

/** Upward's getSchedule reader against the development tenant's calendars, through real HTTP. */
let dev: TestTenant;
let client: ReturnType<typeof createGraphClient>;
let requestsSent = 0;

beforeAll(async () => {
  dev = await startTestTenant();
  const tokens = createAppTokenProvider({
    loginBaseUrl: dev.tenant.url,
    clientId: TEST_CLIENT_ID,
    clientSecret: dev.tenant.clientSecret,
    resource: 'https://graph.microsoft.com',
  });
  client = createGraphClient({ baseUrl: dev.tenant.url, token: () => tokens.getToken(TEST_TENANT_ID) });
});
afterAll(() => dev.dispose());

const from = epochMs(Date.UTC(2026, 2, 2));
const to = epochMs(Date.UTC(2026, 4, 25)); // 84 days: two getSchedule windows

describe('reading availability through getSchedule', () => {
  it('reads 45 mailboxes over 84 days in 3 chunks × 2 windows, sent as one JSON batch', async () => {
    const people = dev.tenant.directory.people(TEST_TENANT_ID).slice(0, 45);
    requestsSent = 0;
    let roundTrips = 0;
    const result = await readAvailability(client, { mailboxes: people.map((p) => p.mail), from, to }, {
      onSend: (n) => {
        roundTrips++;
        requestsSent += n;
      },
    });
    expect(result.requests).toBe(6);
    expect(requestsSent).toBe(6);
    expect(roundTrips).toBe(1);
    expect(result.failed.size).toBe(0);
    expect(result.byMailbox.size).toBe(45);
    const ceo = result.byMailbox.get(people[0]!.mail.toLowerCase())!;
    expect(ceo.unavailable.length).toBeGreaterThan(50);
    // Merged, sorted, inside the window.
    for (let i = 1; i < ceo.unavailable.length; i++) expect(ceo.unavailable[i]!.start).toBeGreaterThan(ceo.unavailable[i - 1]!.end);
    expect(ceo.unavailable[0]!.start).toBeGreaterThanOrEqual(from);
    expect(ceo.workingHours).toMatchObject({ start: people[0]!.workingHours.startTime, end: people[0]!.workingHours.endTime, zone: people[0]!.mailboxTimeZone });
  });

  it('agrees with the calendar it read: every busy item falls inside what the reader reports', async () => {
    const person = dev.tenant.directory.people(TEST_TENANT_ID)[3]!;
    const result = await readAvailability(client, { mailboxes: [person.mail], from, to });
    const view = (await client
      .api(`/users/${person.id}/calendarView`)
      .query({ startDateTime: new Date(from).toISOString(), endDateTime: new Date(from + 7 * 86_400_000).toISOString() })
      .header('Prefer', 'outlook.timezone="UTC"')
      .top(100)
      .get()) as { value: Array<{ showAs: string; start: { dateTime: string }; end: { dateTime: string } }> };
    const busy = view.value.filter((e) => ['busy', 'oof', 'tentative'].includes(e.showAs.toLowerCase()));
    expect(busy.length).toBeGreaterThan(0);
    const spans = result.byMailbox.get(person.mail.toLowerCase())!.unavailable;
    for (const event of busy) {
      const start = Date.parse(`${event.start.dateTime.slice(0, 23)}Z`);
      const end = Date.parse(`${event.end.dateTime.slice(0, 23)}Z`);
      expect(spans.some((s) => s.start <= Math.max(start, from) && s.end >= Math.min(end, to))).toBe(true);
    }
  });

  it('reports an unknown address as failed instead of failing the whole read', async () => {
    const person = dev.tenant.directory.people(TEST_TENANT_ID)[5]!;
    const result = await readAvailability(client, { mailboxes: [person.mail, 'nobody@fabrikam.example'], from, to: epochMs(from + 7 * 86_400_000) });
    expect(result.byMailbox.has(person.mail.toLowerCase())).toBe(true);
    expect(result.failed.get('nobody@fabrikam.example')).toMatch(/5009/);
  });

  it('refuses an empty window before calling Graph', async () => {
    await expect(readAvailability(client, { mailboxes: ['a@b.c'], from, to: from })).rejects.toMatchObject({ code: 'bad_input' });
  });
});
