import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventId } from '../../../src/devtenant/calendar/ids.ts';
import { allPages, app, delegated, dt, startServer, TENANT, type TestServer } from './fixtures.ts';

const WINDOW = 'startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-04-13T00:00:00Z';

describe('calendarView and instances', () => {
  let server: TestServer;
  let seriesId: string;
  beforeAll(async () => {
    server = await startServer();
    const res = await server.call(delegated('alice'), 'POST', '/v1.0/me/events', {
      subject: 'Weekly mentoring', start: dt('2026-03-05T15:00:00', 'Europe/Berlin'), end: dt('2026-03-05T15:30:00', 'Europe/Berlin'),
      attendees: [{ emailAddress: { address: 'carol@contoso.test' } }],
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] }, range: { type: 'numbered', startDate: '2026-03-05', numberOfOccurrences: 12 } },
    });
    seriesId = res.body.id;
  });
  afterAll(() => server.close());

  it('requires both startDateTime and endDateTime', async () => {
    for (const query of ['', '?startDateTime=2026-03-02T00:00:00Z', '?endDateTime=2026-03-02T00:00:00Z']) {
      const res = await server.call(app(), 'GET', `/v1.0/users/alice/calendarView${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('ErrorInvalidParameter');
    }
    const instances = await server.call(app(), 'GET', `/v1.0/users/alice/events/${seriesId}/instances`);
    expect(instances.status).toBe(400);
  });

  it('pages by 10 by default and returns every occurrence exactly once', async () => {
    const { items, pages } = await allPages(server, app(), `/v1.0/users/alice/calendarView?${WINDOW}`);
    const expected = server.service.entries(TENANT, 'alice', Date.parse('2026-03-02T00:00:00Z'), Date.parse('2026-04-13T00:00:00Z'));
    expect(items.length).toBe(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 10));
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    expect(items.some((e) => e.type === 'seriesMaster')).toBe(false);
    expect(new Set(items.map((e) => e.type))).toEqual(new Set(['occurrence', 'singleInstance']));
    // The API series: its occurrences inside the window, each once, at 15:00 Berlin.
    const mentoring = items.filter((e) => e.subject === 'Weekly mentoring');
    expect(mentoring.map((e) => e.start.dateTime.slice(0, 16))).toEqual([
      '2026-03-05T14:00', '2026-03-12T14:00', '2026-03-19T14:00', '2026-03-26T14:00', '2026-04-02T13:00', '2026-04-09T13:00',
    ]);
    expect(mentoring.every((e) => e.seriesMasterId === seriesId)).toBe(true);
    const starts = items.map((e) => e.start.dateTime);
    expect([...starts].sort()).toEqual(starts);
  });

  it('honours $top and Prefer odata.maxpagesize, echoing the preference', async () => {
    const top = await server.call(app(), 'GET', `/v1.0/users/alice/calendarView?${WINDOW}&$top=7`);
    expect(top.body.value).toHaveLength(7);
    expect(top.body['@odata.nextLink']).toContain('%24skip=7');
    const byTop = await allPages(server, app(), `/v1.0/users/alice/calendarView?${WINDOW}&$top=7`);
    const preferred = await server.call(app(), 'GET', `/v1.0/users/alice/calendarView?${WINDOW}`, undefined, { prefer: 'odata.maxpagesize=25' });
    expect(preferred.body.value).toHaveLength(25);
    expect(preferred.headers.get('preference-applied')).toBe('odata.maxpagesize=25');
    const big = await server.call(app(), 'GET', `/v1.0/users/alice/calendarView?${WINDOW}&$top=1000`);
    expect(big.body['@odata.nextLink']).toBeUndefined();
    expect(big.body.value.map((e: any) => e.id)).toEqual(byTop.items.map((e) => e.id));
  });

  it('occurrence ids decode to their series and original start, and read back', async () => {
    const instances = (await server.call(app(), 'GET', `/v1.0/users/alice/events/${seriesId}/instances?startDateTime=2026-01-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z&$top=50`)).body.value;
    expect(instances).toHaveLength(12);
    for (const occurrence of instances) {
      const decoded = decodeEventId(occurrence.id);
      expect(decoded).toMatchObject({ kind: 'occurrence', masterId: seriesId, originalStartMs: Date.parse(occurrence.originalStart) });
      const reread = await server.call(app(), 'GET', `/v1.0/users/alice/events/${occurrence.id}`);
      expect(reread.body).toMatchObject({ id: occurrence.id, type: 'occurrence', seriesMasterId: seriesId, start: occurrence.start });
    }
  });

  it('generated recurring items are occurrences of readable series masters', async () => {
    const { items } = await allPages(server, app(), `/v1.0/users/alice/calendarView?${WINDOW}&$top=200`);
    const lunch = items.find((e) => e.subject === 'Lunch' && e.type === 'occurrence');
    expect(lunch).toBeDefined();
    const master = (await server.call(app(), 'GET', `/v1.0/users/alice/events/${lunch.seriesMasterId}`)).body;
    expect(master.type).toBe('seriesMaster');
    expect(master.recurrence.pattern.type).toBe('weekly');
    expect(master.recurrence.range.recurrenceTimeZone).toBe('W. Europe Standard Time');
    const instances = (await server.call(app(), 'GET', `/v1.0/users/alice/events/${lunch.seriesMasterId}/instances?${WINDOW}&$top=100`)).body.value;
    expect(instances.map((e: any) => e.id)).toEqual(items.filter((e) => e.seriesMasterId === lunch.seriesMasterId).map((e) => e.id));
    // Generated items are read-only.
    const patch = await server.call(app(), 'PATCH', `/v1.0/users/alice/events/${lunch.id}`, { subject: 'Brunch' });
    expect(patch.status).toBe(400);
  });

  it('lists series masters and single events under /events', async () => {
    const { items } = await allPages(server, app(), '/v1.0/users/alice/events');
    expect(items.some((e) => e.id === seriesId && e.type === 'seriesMaster')).toBe(true);
    expect(items.every((e) => e.type === 'seriesMaster' || e.type === 'singleInstance')).toBe(true);
  });

  it('an attendee of the tenant sees the series in their own view with their own ids', async () => {
    const { items } = await allPages(server, app(), `/v1.0/users/carol/calendarView?${WINDOW}&$top=500`);
    const copies = items.filter((e) => e.subject === 'Weekly mentoring');
    expect(copies).toHaveLength(6);
    expect(copies.every((e) => e.seriesMasterId !== seriesId && e.isOrganizer === false)).toBe(true);
  });
});
