import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, delegated, directoryOf, dt, person, standardPeople, startServer, type TestServer } from './fixtures.ts';
import { createCalendarService } from '../../../src/devtenant/calendar/index.ts';

const PATH = '/v1.0/users/alice@contoso.test/calendar/getSchedule';
const body = (schedules: string[], start = '2026-03-02T00:00:00', end = '2026-03-07T00:00:00', extra: object = {}) => ({
  schedules, startTime: dt(start), endTime: dt(end), ...extra,
});

describe('POST getSchedule', () => {
  let server: TestServer;
  const many = Array.from({ length: 101 }, (_, i) => person(`p${i}`));
  beforeAll(async () => {
    server = await startServer(createCalendarService({ directory: directoryOf([...standardPeople(), ...many]), seed: 42, now: () => new Date('2026-03-02T08:00:00Z') }));
    // A private API event for alice, to check what each caller sees of it.
    await server.call(delegated('alice'), 'POST', '/v1.0/me/events', { subject: 'Dentist', sensitivity: 'private', location: { displayName: 'Clinic' }, start: dt('2026-03-02T14:00:00', 'Europe/Berlin'), end: dt('2026-03-02T15:00:00', 'Europe/Berlin') });
  });
  afterAll(() => server.close());

  it('answers camelCase and PascalCase bodies alike, with the default 30-minute interval', async () => {
    const camel = await server.call(app(), 'POST', PATH, body(['alice@contoso.test']));
    const pascal = await server.call(app(), 'POST', PATH, {
      Schedules: ['alice@contoso.test'], StartTime: { DateTime: '2026-03-02T00:00:00', TimeZone: 'UTC' }, EndTime: { DateTime: '2026-03-07T00:00:00', TimeZone: 'UTC' },
    });
    expect(camel.status).toBe(200);
    expect(pascal.status).toBe(200);
    expect(pascal.body.value).toEqual(camel.body.value);
    expect(camel.body.value[0].availabilityView).toHaveLength(5 * 48);
    expect(camel.body.value[0].scheduleItems.length).toBeGreaterThan(10);
  });

  it('writes working hours as Graph does, zone named as the mailbox stores it', async () => {
    const res = await server.call(app(), 'POST', PATH, body(['alice@contoso.test', 'dave@contoso.test']));
    expect(res.body.value[0].workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '09:00:00.0000000', endTime: '17:00:00.0000000',
      timeZone: { name: 'W. Europe Standard Time' },
    });
    expect(res.body.value[1].workingHours.timeZone).toEqual({ name: 'America/Los_Angeles' });
  });

  it('reports an unknown address inside the 200 with responseCode 5009', async () => {
    const res = await server.call(app(), 'POST', PATH, body(['nobody@contoso.test', 'alice@contoso.test']));
    expect(res.status).toBe(200);
    expect(res.body.value[0]).toMatchObject({ scheduleId: 'nobody@contoso.test', error: { responseCode: '5009' } });
    expect(res.body.value[1].error).toBeUndefined();
    expect(res.body.value[1].scheduleId).toBe('alice@contoso.test');
  });

  it('accepts 100 schedules and refuses 101 with ErrorMailboxDataArrayTooBig', async () => {
    const ok = await server.call(app(), 'POST', PATH, body(many.slice(0, 100).map((p) => p.mail), '2026-03-02T00:00:00', '2026-03-03T00:00:00'));
    expect(ok.status).toBe(200);
    expect(ok.body.value).toHaveLength(100);
    const tooMany = await server.call(app(), 'POST', PATH, body(many.map((p) => p.mail), '2026-03-02T00:00:00', '2026-03-03T00:00:00'));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('ErrorMailboxDataArrayTooBig');
  });

  it('accepts exactly 62 days (also across a DST change) and refuses 63 with ErrorTimeIntervalTooBig', async () => {
    const ok = await server.call(app(), 'POST', PATH, body(['alice@contoso.test'], '2026-03-01T00:00:00', '2026-05-02T00:00:00'));
    expect(ok.status).toBe(200);
    expect(ok.body.value[0].availabilityView).toHaveLength(62 * 48);
    const berlin = await server.call(app(), 'POST', PATH, {
      schedules: ['alice@contoso.test'], startTime: dt('2026-03-01T00:00:00', 'Europe/Berlin'), endTime: dt('2026-05-02T00:00:00', 'Europe/Berlin'),
    });
    expect(berlin.status).toBe(200);
    const tooLong = await server.call(app(), 'POST', PATH, body(['alice@contoso.test'], '2026-03-01T00:00:00', '2026-05-03T00:00:00'));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('ErrorTimeIntervalTooBig');
  });

  it('validates the interval (5..1440) and the window', async () => {
    for (const [interval, status] of [[4, 400], [5, 200], [1440, 200], [1441, 400]] as const) {
      const res = await server.call(app(), 'POST', PATH, body(['alice@contoso.test'], undefined, undefined, { availabilityViewInterval: interval }));
      expect(res.status, `interval ${interval}`).toBe(status);
      if (status === 400) expect(res.body.error.code).toBe('ErrorInvalidParameter');
    }
    const backwards = await server.call(app(), 'POST', PATH, body(['alice@contoso.test'], '2026-03-05T00:00:00', '2026-03-02T00:00:00'));
    expect(backwards.status).toBe(400);
    const empty = await server.call(app(), 'POST', PATH, body([]));
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('ErrorMailboxDataArrayEmpty');
  });

  it('answers in the Prefer zone and says so in Preference-Applied; UTC by default', async () => {
    const utc = await server.call(app(), 'POST', PATH, body(['alice@contoso.test']));
    const pacific = await server.call(app(), 'POST', PATH, body(['alice@contoso.test']), { prefer: 'outlook.timezone="Pacific Standard Time"' });
    expect(utc.headers.get('preference-applied')).toBeNull();
    expect(pacific.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
    const u = utc.body.value[0].scheduleItems[0];
    const p = pacific.body.value[0].scheduleItems[0];
    expect(u.start.timeZone).toBe('UTC');
    expect(p.start.timeZone).toBe('Pacific Standard Time');
    // Early March: Los Angeles is UTC-8.
    expect(Date.parse(`${u.start.dateTime.slice(0, 19)}Z`) - Date.parse(`${p.start.dateTime.slice(0, 19)}Z`)).toBe(8 * 3_600_000);
    const iana = await server.call(app(), 'POST', PATH, body(['alice@contoso.test']), { prefer: 'outlook.timezone="Asia/Kolkata"' });
    expect(iana.body.value[0].scheduleItems[0].start.timeZone).toBe('Asia/Kolkata');
  });

  it('refuses unknown zones with TimeZoneNotSupportedException, in the body and in Prefer', async () => {
    const inBody = await server.call(app(), 'POST', PATH, { schedules: ['alice@contoso.test'], startTime: dt('2026-03-02T00:00:00', 'Mars/Olympus'), endTime: dt('2026-03-03T00:00:00') });
    expect(inBody.status).toBe(400);
    expect(inBody.body.error.code).toBe('TimeZoneNotSupportedException');
    expect(inBody.body.error.message).toContain('Mars/Olympus');
    const inPrefer = await server.call(app(), 'POST', PATH, body(['alice@contoso.test']), { prefer: 'outlook.timezone="Nowhere Standard Time"' });
    expect(inPrefer.status).toBe(400);
    expect(inPrefer.body.error.code).toBe('TimeZoneNotSupportedException');
  });

  it('shows subjects only to the signed-in owner, and never for private items', async () => {
    const window = body(['alice@contoso.test', 'bob@contoso.test'], '2026-03-02T00:00:00', '2026-03-14T00:00:00');
    const asApp = await server.call(app(['Calendars.Read']), 'POST', PATH, window);
    const asAlice = await server.call(delegated('alice', ['Calendars.ReadBasic']), 'POST', '/v1.0/me/calendar/getSchedule', window);
    expect(asApp.status).toBe(200);
    expect(asAlice.status).toBe(200);
    for (const schedule of asApp.body.value) for (const item of schedule.scheduleItems) expect(Object.keys(item).sort()).toEqual(['end', 'isPrivate', 'start', 'status']);
    const own = asAlice.body.value[0].scheduleItems;
    const privateItems = own.filter((i: any) => i.isPrivate);
    expect(privateItems.length).toBeGreaterThan(0);
    expect(privateItems.every((i: any) => i.subject === undefined && i.location === undefined)).toBe(true);
    expect(own.filter((i: any) => !i.isPrivate).every((i: any) => typeof i.subject === 'string')).toBe(true);
    expect(own.some((i: any) => i.subject === 'Dentist')).toBe(false);
    expect(asAlice.body.value[1].scheduleItems.every((i: any) => i.subject === undefined)).toBe(true);
  });

  it('checks permissions the way Graph does', async () => {
    const noRole = await server.call(app(['User.Read.All']), 'POST', PATH, body(['alice@contoso.test']));
    expect(noRole.status).toBe(403);
    expect(noRole.body.error.code).toBe('ErrorAccessDenied');
    const basic = await server.call(app(['Calendars.ReadBasic.All']), 'POST', PATH, body(['alice@contoso.test']));
    expect(basic.status).toBe(200);
    const appOnMe = await server.call(app(), 'POST', '/v1.0/me/calendar/getSchedule', body(['alice@contoso.test']));
    expect(appOnMe.status).toBe(400);
    const noScope = await server.call(delegated('alice', ['User.Read']), 'POST', '/v1.0/me/calendar/getSchedule', body(['alice@contoso.test']));
    expect(noScope.status).toBe(403);
    const unknownUser = await server.call(app(), 'POST', '/v1.0/users/ghost@contoso.test/calendar/getSchedule', body(['alice@contoso.test']));
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body.error.code).toBe('ErrorInvalidUser');
  });

  it('answers malformed JSON with a Graph error body', async () => {
    const res = await server.call(app(), 'POST', PATH, '{"schedules": [');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequest');
    expect(res.body.error.innerError['request-id']).toBeTruthy();
  });
});
