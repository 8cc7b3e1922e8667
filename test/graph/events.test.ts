import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelEvents, createEvents, moveBody, patchEvents, seriesEventBody, type SeriesEventInput } from '../../src/graph/events.ts';
import { createAppTokenProvider } from '../../src/graph/app-token-provider.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';
import { listInstances } from '../../src/graph/instances.ts';
import { readScheduleItems } from '../../src/graph/schedule-items.ts';
import { readPeople } from '../../src/graph/people.ts';
import { startTestTenant, TEST_CLIENT_ID, TEST_TENANT_ID, type TestTenant } from '../devtenant/test-tenant.ts';

/** Upward's event writes against the development tenant's calendars, through real HTTP and $batch. */
let dev: TestTenant;
let client: ReturnType<typeof createGraphClient>;
beforeAll(async () => {
  dev = await startTestTenant();
  const tokens = createAppTokenProvider({ loginBaseUrl: dev.tenant.url, clientId: TEST_CLIENT_ID, clientSecret: dev.tenant.clientSecret, resource: 'https://graph.microsoft.com' });
  client = createGraphClient({ baseUrl: dev.tenant.url, token: () => tokens.getToken(TEST_TENANT_ID) });
});
afterAll(() => dev.dispose());

const people = () => dev.tenant.directory.people(TEST_TENANT_ID);
const series = (attendee: string, transactionId: string, overrides: Partial<SeriesEventInput> = {}): SeriesEventInput => ({
  subject: 'Reverse mentoring: Ana & Raj',
  bodyHtml: '<p>Agenda</p>',
  start: { dateTime: '2027-03-03T10:00:00', timeZone: 'Europe/London' },
  end: { dateTime: '2027-03-03T10:45:00', timeZone: 'Europe/London' },
  recurrence: {
    pattern: { type: 'weekly', interval: 2, daysOfWeek: ['wednesday'], firstDayOfWeek: 'monday' },
    range: { type: 'endDate', startDate: '2027-03-03', endDate: '2027-05-26', recurrenceTimeZone: 'Europe/London' },
  },
  attendees: [{ address: attendee, name: 'Raj' }],
  transactionId,
  ...overrides,
});

describe('creating recurring Teams meetings', () => {
  it('creates a series with a join link, and the same transaction id never creates a second one', async () => {
    const [organiser, attendee] = [people()[10]!, people()[150]!];
    const create = { key: 'p1', userId: organiser.id, body: seriesEventBody(series(attendee.mail, '8a3c2b1e-0000-8000-8000-000000000001')), what: 'the series of p1' };
    const first = (await createEvents(client, [create])).get('p1')!;
    const again = (await createEvents(client, [create])).get('p1')!;
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value.id).toBe(first.value.id);
    expect(first.value.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(first.value.start).toBe(Date.parse('2027-03-03T10:00:00Z'));
    const list = (await client.api(`/users/${organiser.id}/events`).select('id,transactionId').top(1000).get()) as { value: { transactionId?: string }[] };
    expect(list.value.filter((e) => e.transactionId === '8a3c2b1e-0000-8000-8000-000000000001')).toHaveLength(1);
  });

  it("surfaces Graph's own error code instead of a generic failure", async () => {
    const [organiser, attendee] = [people()[11]!, people()[151]!];
    const bad = series(attendee.mail, '8a3c2b1e-0000-8000-8000-000000000002', { start: { dateTime: '2027-03-03T10:00:00', timeZone: 'Mars/Olympus' }, end: { dateTime: '2027-03-03T10:45:00', timeZone: 'Mars/Olympus' } });
    const result = (await createEvents(client, [{ key: 'bad', userId: organiser.id, body: seriesEventBody(bad), what: 'the series of bad' }])).get('bad')!;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'upstream', status: 400, graphCode: 'TimeZoneNotSupportedException' });
    expect(result.error.message).toMatch(/^Microsoft Graph refused creating the series of bad \(400 TimeZoneNotSupportedException\): /);
  });

  it('sends 45 creates for 3 organisers as batches of at most 20, never more than 4 at once per mailbox', async () => {
    dev.tenant.traffic.resetStats();
    const organisers = [people()[20]!, people()[21]!, people()[22]!];
    const creates = Array.from({ length: 45 }, (_, i) => ({
      key: `k${i}`,
      userId: organisers[i % 3]!.id,
      body: seriesEventBody(series(people()[100 + i]!.mail, `8a3c2b1e-0000-8000-8000-1000000000${String(i).padStart(2, '0')}`)),
      what: `series ${i}`,
    }));
    const sizes: number[] = [];
    const results = await createEvents(client, creates, { onSend: (n) => sizes.push(n), parallelBatches: 4 });
    expect([...results.values()].every((r) => r.ok)).toBe(true);
    expect(sizes.every((n) => n <= 20)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(45);
    const stats = dev.tenant.traffic.stats();
    const mine = stats.mailboxes.filter((m) => organisers.some((o) => o.id.toLowerCase() === m.mailbox));
    expect(mine).toHaveLength(3);
    for (const m of mine) {
      expect(m.maxConcurrent).toBeLessThanOrEqual(4);
      expect(m.throttledConcurrency).toBe(0);
    }
  });

  it('retries a throttled create inside the batch, honouring Retry-After, and still creates one series', async () => {
    const [organiser, attendee] = [people()[30]!, people()[160]!];
    dev.tenant.traffic.setFaults({ nth: [{ route: 'POST /users/{id}/events', n: 1, status: 429, retryAfterSeconds: 0.2 }] });
    try {
      let sent = 0;
      const slept: number[] = [];
      const result = await createEvents(
        client,
        [{ key: 'r', userId: organiser.id, body: seriesEventBody(series(attendee.mail, '8a3c2b1e-0000-8000-8000-000000000003')), what: 'r' }],
        { onSend: (n) => (sent += n), sleep: async (ms) => void slept.push(ms) },
      );
      expect(result.get('r')!.ok).toBe(true);
      expect(sent).toBe(2);
      expect(slept).toEqual([200]);
    } finally {
      dev.tenant.traffic.setFaults({});
    }
  });
});

describe('changing single sessions', () => {
  it('lists a series’ sessions, moves one (an exception) and cancels another', async () => {
    const [organiser, attendee] = [people()[40]!, people()[170]!];
    const created = (await createEvents(client, [{ key: 's', userId: organiser.id, body: seriesEventBody(series(attendee.mail, '8a3c2b1e-0000-8000-8000-000000000004')), what: 's' }])).get('s')!;
    if (!created.ok) throw created.error;
    const query = { key: 's', userId: organiser.id, seriesId: created.value.id, from: Date.parse('2027-03-01'), to: Date.parse('2027-06-01'), what: 's' };
    const listed = (await listInstances(client, [query])).get('s')!;
    if (!listed.ok) throw listed.error;
    expect(listed.value.map((i) => new Date(i.originalStart).toISOString())).toEqual([
      '2027-03-03T10:00:00.000Z', '2027-03-17T10:00:00.000Z', '2027-03-31T09:00:00.000Z', '2027-04-14T09:00:00.000Z', '2027-04-28T09:00:00.000Z', '2027-05-12T09:00:00.000Z', '2027-05-26T09:00:00.000Z',
    ]);
    const [, second, third] = listed.value;
    const moveTo = Date.parse('2027-03-18T13:00:00Z');
    expect((await patchEvents(client, [{ key: 'm', userId: organiser.id, eventId: second!.id, body: moveBody(moveTo, moveTo + 45 * 60_000), what: 'm' }])).get('m')!.ok).toBe(true);
    expect((await cancelEvents(client, [{ key: 'c', userId: organiser.id, eventId: third!.id, comment: 'no', what: 'c' }])).get('c')!.ok).toBe(true);
    const after = (await listInstances(client, [query])).get('s')!;
    if (!after.ok) throw after.error;
    const moved = after.value.find((i) => i.originalStart === second!.originalStart)!;
    expect(moved).toMatchObject({ start: moveTo, type: 'exception' });
    expect(after.value.some((i) => i.originalStart === third!.originalStart && !i.isCancelled)).toBe(false);
  });

  it('reads getSchedule items one by one, so two meetings at the same time stay two', async () => {
    const person = people()[50]!;
    const at = Date.parse('2027-04-06T12:00:00Z');
    for (const subject of ['one', 'two']) {
      await client.api(`/users/${person.id}/events`).post({ subject, start: { dateTime: '2027-04-06T12:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-04-06T12:30:00', timeZone: 'UTC' } });
    }
    const read = await readScheduleItems(client, { mailboxes: [person.mail], from: at - 3_600_000, to: at + 3_600_000 });
    const items = read.items.get(person.mail.toLowerCase())!.filter((i) => i.start === at && i.end === at + 1_800_000);
    expect(items).toHaveLength(2);
    expect(read.workingHours.get(person.mail.toLowerCase())).toMatchObject({ start: person.workingHours.startTime, zone: person.mailboxTimeZone });
  });

  it('looks people up by id, 15 to a request, and leaves unknown ids out', async () => {
    const ids = people().slice(0, 20).map((p) => p.id);
    let sent = 0;
    const found = await readPeople(client, [...ids, '00000000-0000-4000-8000-00000000dead'], { onSend: (n) => (sent += n) });
    expect(sent).toBe(2);
    expect(found.size).toBe(20);
    expect(found.get(ids[3]!.toLowerCase())).toMatchObject({ mail: people()[3]!.mail, displayName: people()[3]!.displayName });
  });
});
