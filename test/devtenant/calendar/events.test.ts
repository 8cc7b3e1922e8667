import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app, delegated, dt, makeService, startServer, type TestServer } from './fixtures.ts';

const meeting = (extra: object = {}) => ({
  subject: 'Reverse mentoring',
  body: { contentType: 'HTML', content: '<p>Agenda: <b>GenAI tools</b></p>' },
  start: dt('2026-03-03T10:00:00', 'W. Europe Standard Time'),
  end: dt('2026-03-03T10:45:00', 'W. Europe Standard Time'),
  attendees: [
    { emailAddress: { address: 'bob@contoso.test', name: 'Bob' }, type: 'required' },
    { emailAddress: { address: 'guest@fabrikam.test', name: 'Guest' }, type: 'optional' },
  ],
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  ...extra,
});
const VIEW = 'startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-07T00:00:00Z&$top=1000';

describe('events', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(() => server.close());

  const create = (body: object, who = delegated('alice'), path = '/v1.0/me/events') => server.call(who, 'POST', path, body);
  const viewOf = async (user: string) => (await server.call(app(), 'GET', `/v1.0/users/${user}/calendarView?${VIEW}`)).body.value as any[];
  const stateOf = () => JSON.stringify(server.service.exportState());

  it('creates a Teams meeting with an HTML body, deterministic ids and join URL', async () => {
    const res = await create(meeting());
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toContain(`events('${res.body.id}')`);
    const event = res.body;
    expect(event.type).toBe('singleInstance');
    expect(event.body.contentType).toBe('html');
    expect(event.body.content).toMatch(/^<html>[\s\S]*<body>[\s\S]*<p>Agenda: <b>GenAI tools<\/b><\/p>[\s\S]*<\/html>/);
    expect(event.bodyPreview).toBe('Agenda: GenAI tools');
    expect(event.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_[A-Za-z0-9_-]+%40thread\.v2\/0\?context=/);
    expect(event.start).toEqual({ dateTime: '2026-03-03T09:00:00.0000000', timeZone: 'UTC' });
    expect(event.originalStartTimeZone).toBe('W. Europe Standard Time');
    expect(event.attendees.map((a: any) => [a.emailAddress.address, a.type, a.status.response])).toEqual([
      ['bob@contoso.test', 'required', 'none'], ['guest@fabrikam.test', 'optional', 'none'],
    ]);
    // Same seed, same calls: same ids and join URL.
    const again = makeService().createEvent(delegated('alice'), 'me', meeting());
    expect(again.id).toBe(event.id);
    expect((again.onlineMeeting as any).joinUrl).toBe(event.onlineMeeting.joinUrl);
    expect(again.iCalUId).toBe(event.iCalUId);
  });

  it('puts the meeting in tenant attendees’ calendars and free/busy: tentative until accepted, then busy', async () => {
    const { body: event } = await create(meeting());
    const bobView = await viewOf('bob@contoso.test');
    const bobCopy = bobView.find((e) => e.iCalUId === event.iCalUId);
    expect(bobCopy).toBeDefined();
    expect(bobCopy.id).not.toBe(event.id);
    expect(bobCopy.isOrganizer).toBe(false);
    const schedule = async () => (await server.call(app(), 'POST', '/v1.0/users/bob/calendar/getSchedule', {
      schedules: ['bob@contoso.test'], startTime: dt('2026-03-03T09:00:00'), endTime: dt('2026-03-03T09:45:00'), availabilityViewInterval: 15,
    })).body.value[0].availabilityView;
    expect(await schedule()).toBe('111');
    const accepted = await server.call(delegated('bob'), 'POST', `/v1.0/me/events/${bobCopy.id}/accept`, { comment: 'See you', sendResponse: true });
    expect(accepted.status).toBe(202);
    expect(await schedule()).toBe('222');
    const bobsEvent = (await server.call(delegated('bob'), 'GET', `/v1.0/me/events/${bobCopy.id}`)).body;
    expect(bobsEvent.responseStatus.response).toBe('accepted');
    const organizersView = (await server.call(delegated('alice'), 'GET', `/v1.0/me/events/${event.id}`)).body;
    expect(organizersView.attendees[0].status.response).toBe('accepted');
    expect(organizersView.attendees[0].status.time).toBe('2026-03-02T08:00:00Z');
  });

  it('tentativelyAccept and decline update the answer; a declined meeting leaves the calendar', async () => {
    const { body: event } = await create(meeting());
    const bobCopy = (await viewOf('bob')).find((e) => e.iCalUId === event.iCalUId);
    expect((await server.call(delegated('bob'), 'POST', `/v1.0/me/events/${bobCopy.id}/tentativelyAccept`, {})).status).toBe(202);
    expect((await server.call(delegated('bob'), 'GET', `/v1.0/me/events/${bobCopy.id}`)).body.responseStatus.response).toBe('tentativelyAccepted');
    expect((await server.call(delegated('bob'), 'POST', `/v1.0/me/events/${bobCopy.id}/decline`, { comment: 'Sorry' })).status).toBe(202);
    expect((await viewOf('bob')).some((e) => e.iCalUId === event.iCalUId)).toBe(false);
    expect((await server.call(delegated('alice'), 'GET', `/v1.0/me/events/${event.id}`)).body.attendees[0].status.response).toBe('declined');
    const organizerAnswers = await server.call(delegated('alice'), 'POST', `/v1.0/me/events/${event.id}/accept`, {});
    expect(organizerAnswers.status).toBe(400);
  });

  it('a repeated transactionId returns 201 with the same event and creates nothing', async () => {
    const first = await create(meeting({ transactionId: 'upward-session-42' }));
    const before = stateOf();
    const second = await create(meeting({ transactionId: 'upward-session-42' }));
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.transactionId).toBe('upward-session-42');
    expect(stateOf()).toBe(before);
    expect((await viewOf('alice')).filter((e) => e.subject === 'Reverse mentoring')).toHaveLength(1);
    const patch = await server.call(delegated('alice'), 'PATCH', `/v1.0/me/events/${first.body.id}`, { transactionId: 'other' });
    expect(patch.status).toBe(400);
  });

  it('creates through /users/{id}/events and /users/{id}/calendar/events with an app token', async () => {
    const a = await create(meeting(), app(), '/v1.0/users/alice@contoso.test/events');
    const b = await create(meeting({ subject: 'Second' }), app(), '/v1.0/users/alice/calendar/events');
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.organizer.emailAddress.address).toBe('alice@contoso.test');
    const got = await server.call(app(['Calendars.Read']), 'GET', `/v1.0/users/alice/calendar/events/${b.body.id}`);
    expect(got.body.subject).toBe('Second');
  });

  it('refuses bad requests with Graph codes and changes nothing', async () => {
    await create(meeting());
    const before = stateOf();
    const cases: [object, number, string][] = [
      [meeting({ recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] }, range: { type: 'numbered', startDate: '2026-03-04', numberOfOccurrences: 3 } } }), 400, 'ErrorInvalidRequest'],
      [meeting({ start: dt('2026-03-03T10:00:00', 'Atlantis Standard Time') }), 400, 'TimeZoneNotSupportedException'],
      [meeting({ recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] }, range: { type: 'numbered', startDate: '2026-03-03', numberOfOccurrences: 3, recurrenceTimeZone: 'Nowhere' } } }), 400, 'TimeZoneNotSupportedException'],
      [meeting({ end: dt('2026-03-03T09:00:00', 'W. Europe Standard Time') }), 400, 'ErrorCalendarEndDateIsEarlierThanStartDate'],
      [meeting({ colour: 'blue' }), 400, 'RequestBodyRead'],
      [meeting({ showAs: 'sleeping' }), 400, 'RequestBodyRead'],
      [meeting({ subject: 42 }), 400, 'RequestBodyRead'],
      [meeting({ recurrence: { pattern: { type: 'daily', interval: 1, daysOfWeek: ['someday'] }, range: { type: 'noEnd', startDate: '2026-03-03' } } }), 400, 'RequestBodyRead'],
      [meeting({ recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: [] }, range: { type: 'noEnd', startDate: '2026-03-03' } } }), 400, 'ErrorInvalidRequest'],
      [meeting({ attendees: Array.from({ length: 501 }, (_, i) => ({ emailAddress: { address: `a${i}@fabrikam.test` } })) }), 400, 'ErrorInvalidRequest'],
      [meeting({ attendees: [{ emailAddress: { address: 'not-an-address' } }] }), 400, 'ErrorInvalidRequest'],
      [{ subject: 'No times' }, 400, 'ErrorInvalidRequest'],
    ];
    for (const [body, status, code] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(status);
      expect(res.body.error.code, JSON.stringify(res.body)).toBe(code);
    }
    expect(stateOf()).toBe(before);
  });

  it('accepts 500 attendees', async () => {
    const res = await create(meeting({ attendees: Array.from({ length: 500 }, (_, i) => ({ emailAddress: { address: `a${i}@fabrikam.test` } })) }));
    expect(res.status).toBe(201);
    expect(res.body.attendees).toHaveLength(500);
  });

  it('reports the recurrence start-date rule with Graph’s wording and still accepts the right date', async () => {
    const wrong = await create(meeting({ recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] }, range: { type: 'noEnd', startDate: '2026-03-10' } } }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/startDate/);
    const right = await create(meeting({ recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] }, range: { type: 'noEnd', startDate: '2026-03-03' } } }));
    expect(right.status).toBe(201);
    expect(right.body.type).toBe('seriesMaster');
  });

  it('checks permissions and mailboxes', async () => {
    expect((await create(meeting(), app(['Calendars.Read']), '/v1.0/users/alice/events')).status).toBe(403);
    expect((await create(meeting(), delegated('alice', ['Calendars.Read']))).status).toBe(403);
    const others = await create(meeting(), delegated('bob'), '/v1.0/users/alice/events');
    expect(others.status).toBe(403);
    expect(others.body.error.code).toBe('ErrorAccessDenied');
    expect((await create(meeting(), delegated('bob', ['Calendars.ReadWrite.Shared']), '/v1.0/users/alice/events')).status).toBe(201);
    const ghost = await create(meeting(), app(), '/v1.0/users/ghost@contoso.test/events');
    expect(ghost.status).toBe(404);
    expect(ghost.body.error.code).toBe('ErrorInvalidUser');
    const appOnMe = await create(meeting(), app());
    expect(appOnMe.status).toBe(400);
  });

  it('GET by id: unknown, malformed and other mailboxes’ ids', async () => {
    const { body: event } = await create(meeting());
    expect((await server.call(app(), 'GET', `/v1.0/users/alice/events/${event.id}`)).body.id).toBe(event.id);
    const onBob = await server.call(app(), 'GET', `/v1.0/users/bob/events/${event.id}`);
    expect(onBob.status).toBe(404);
    expect(onBob.body.error.code).toBe('ErrorItemNotFound');
    const malformed = await server.call(app(), 'GET', '/v1.0/users/alice/events/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('ErrorInvalidIdMalformed');
    const selected = await server.call(app(), 'GET', `/v1.0/users/alice/events/${event.id}?$select=subject,start`);
    expect(Object.keys(selected.body).sort()).toEqual(['@odata.etag', 'id', 'start', 'subject']);
    const basic = await server.call(app(['Calendars.ReadBasic.All']), 'GET', `/v1.0/users/alice/events/${event.id}`);
    expect(basic.body.body).toBeUndefined();
    expect(basic.body.subject).toBe('Reverse mentoring');
  });

  it('PATCH on the series changes it for attendees too and bumps the changeKey; attendees cannot PATCH', async () => {
    const { body: event } = await create(meeting());
    const res = await server.call(delegated('alice'), 'PATCH', `/v1.0/me/events/${event.id}`, { subject: 'Renamed', location: { displayName: 'Room 1' } });
    expect(res.status).toBe(200);
    expect(res.body.subject).toBe('Renamed');
    expect(res.body.changeKey).not.toBe(event.changeKey);
    const bobCopy = (await viewOf('bob')).find((e) => e.iCalUId === event.iCalUId);
    expect(bobCopy.subject).toBe('Renamed');
    expect(bobCopy.location.displayName).toBe('Room 1');
    expect((await server.call(delegated('bob'), 'PATCH', `/v1.0/me/events/${bobCopy.id}`, { subject: 'Mine' })).status).toBe(403);
  });

  it('moving a meeting resets answers; a PATCH with a bad zone changes nothing', async () => {
    const { body: event } = await create(meeting());
    const bobCopy = (await viewOf('bob')).find((e) => e.iCalUId === event.iCalUId);
    await server.call(delegated('bob'), 'POST', `/v1.0/me/events/${bobCopy.id}/accept`, {});
    const before = stateOf();
    const bad = await server.call(delegated('alice'), 'PATCH', `/v1.0/me/events/${event.id}`, { subject: 'X', start: dt('2026-03-03T11:00:00', 'Bogus') });
    expect(bad.status).toBe(400);
    expect(stateOf()).toBe(before);
    const moved = await server.call(delegated('alice'), 'PATCH', `/v1.0/me/events/${event.id}`, { start: dt('2026-03-04T10:00:00', 'Europe/Berlin'), end: dt('2026-03-04T10:45:00', 'Europe/Berlin') });
    expect(moved.status).toBe(200);
    expect(moved.body.start.dateTime).toBe('2026-03-04T09:00:00.0000000');
    expect(moved.body.attendees[0].status.response).toBe('none');
  });

  it('DELETE by the organizer cancels for attendees; DELETE by an attendee removes only their copy', async () => {
    const { body: first } = await create(meeting());
    const { body: second } = await create(meeting({ subject: 'Other' }));
    const bobFirst = (await viewOf('bob')).find((e) => e.iCalUId === first.iCalUId);
    expect((await server.call(delegated('bob'), 'DELETE', `/v1.0/me/events/${bobFirst.id}`)).status).toBe(204);
    expect((await viewOf('bob')).some((e) => e.iCalUId === first.iCalUId)).toBe(false);
    expect((await viewOf('alice')).some((e) => e.iCalUId === first.iCalUId)).toBe(true);
    expect((await server.call(delegated('alice'), 'DELETE', `/v1.0/me/events/${second.id}`)).status).toBe(204);
    expect((await server.call(delegated('alice'), 'GET', `/v1.0/me/events/${second.id}`)).status).toBe(404);
    const bobSecond = (await viewOf('bob')).find((e) => e.iCalUId === second.iCalUId);
    expect(bobSecond.isCancelled).toBe(true);
    expect(bobSecond.subject).toBe('Canceled: Other');
  });

  it('cancel: organizer only (202); an attendee gets Graph’s 400', async () => {
    const { body: event } = await create(meeting());
    const bobCopy = (await viewOf('bob')).find((e) => e.iCalUId === event.iCalUId);
    const byAttendee = await server.call(delegated('bob'), 'POST', `/v1.0/me/events/${bobCopy.id}/cancel`, { Comment: 'no' });
    expect(byAttendee.status).toBe(400);
    expect(byAttendee.body.error.code).toBe('ErrorAccessDenied');
    expect(byAttendee.body.error.message).toContain('You need to be an organizer to cancel a meeting.');
    const byOrganizer = await server.call(delegated('alice'), 'POST', `/v1.0/me/events/${event.id}/cancel`, { Comment: 'Rescheduling' });
    expect(byOrganizer.status).toBe(202);
    expect(byOrganizer.body).toBeUndefined();
    expect((await viewOf('alice')).some((e) => e.iCalUId === event.iCalUId)).toBe(false);
    expect((await viewOf('bob')).find((e) => e.iCalUId === event.iCalUId).isCancelled).toBe(true);
  });

  it('cancelling one occurrence removes it for everyone and lists it in the master’s cancelledOccurrences', async () => {
    const { body: master } = await create(meeting({
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-03', numberOfOccurrences: 3 } },
    }));
    const instances = (await server.call(delegated('alice'), 'GET', `/v1.0/me/events/${master.id}/instances?${VIEW}`)).body.value;
    expect(instances.map((e: any) => e.start.dateTime.slice(0, 10))).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
    expect((await server.call(delegated('alice'), 'POST', `/v1.0/me/events/${instances[1].id}/cancel`, {})).status).toBe(202);
    const reread = (await server.call(delegated('alice'), 'GET', `/v1.0/me/events/${master.id}`)).body;
    expect(reread.cancelledOccurrences).toEqual([`OID.${master.id}.2026-03-04`]);
    const bobDays = (await viewOf('bob')).filter((e) => e.iCalUId === master.iCalUId).map((e) => e.start.dateTime.slice(0, 10));
    expect(bobDays).toEqual(['2026-03-03', '2026-03-05']);
    expect(bobDays.length).toBe(2);
  });

  it('an attendee can answer one occurrence', async () => {
    const { body: master } = await create(meeting({
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-03', numberOfOccurrences: 2 } },
    }));
    const bobOccurrences = (await viewOf('bob')).filter((e) => e.iCalUId === master.iCalUId);
    expect(bobOccurrences.map((e) => e.type)).toEqual(['occurrence', 'occurrence']);
    await server.call(delegated('bob'), 'POST', `/v1.0/me/events/${bobOccurrences[0].id}/decline`, {});
    const after = (await viewOf('bob')).filter((e) => e.iCalUId === master.iCalUId);
    expect(after.map((e) => e.id)).toEqual([bobOccurrences[1].id]);
  });

  it('answers 405 for a calendar path with the wrong method and leaves other paths alone', async () => {
    expect((await server.call(app(), 'GET', '/v1.0/users/alice/calendar/getSchedule')).status).toBe(405);
    const other = await server.call(app(), 'GET', '/v1.0/users/alice');
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NotCalendar');
  });
});
