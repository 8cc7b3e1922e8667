import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, delegated, dt, standardPeople, startServer, TENANT, type TestServer } from './fixtures.ts';

const PATH = '/v1.0/me/findMeetingTimes';
const people = new Map(standardPeople().map((p) => [p.mail, p]));
const request = (attendees: string[], extra: object = {}) => ({
  attendees: attendees.map((address) => ({ emailAddress: { address }, type: 'required' })),
  timeConstraint: { activityDomain: 'work', timeSlots: [{ start: dt('2026-03-02T00:00:00'), end: dt('2026-03-07T00:00:00') }] },
  meetingDuration: 'PT45M',
  ...extra,
});

function withinWorkingHours(mail: string, fromMs: number, toMs: number): boolean {
  const p = people.get(mail)!;
  const start = DateTime.fromMillis(fromMs, { zone: p.timeZone });
  const end = DateTime.fromMillis(toMs, { zone: p.timeZone });
  const hhmm = (d: DateTime) => d.toFormat('HH:mm');
  return start.hasSame(end, 'day') && p.workingHours.daysOfWeek.includes(start.toFormat('cccc').toLowerCase())
    && hhmm(start) >= p.workingHours.startTime && hhmm(end) <= p.workingHours.endTime;
}

describe('POST findMeetingTimes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const busyRank = (mail: string, fromMs: number, toMs: number) =>
    server.service.entries(TENANT, mail, fromMs, toMs).filter((e) => e.status === 'busy' || e.status === 'oof' || e.status === 'tentative').length;

  it('is delegated only', async () => {
    const onMe = await server.call(app(), 'POST', PATH, request(['carol@contoso.test']));
    expect(onMe.status).toBe(400);
    expect(onMe.body.error.message).toContain('/me request is only valid with delegated authentication flow');
    expect((await server.call(app(), 'POST', '/v1.0/users/alice/findMeetingTimes', request(['carol@contoso.test']))).status).toBe(403);
  });

  it('suggests exactly the slots where everyone is free and at work, earliest first', async () => {
    const window = { timeConstraint: { activityDomain: 'work', timeSlots: [{ start: dt('2026-03-02T00:00:00'), end: dt('2026-03-14T00:00:00') }] } };
    const res = await server.call(delegated('erin'), 'POST', PATH, request(['alice@contoso.test'], { ...window, maxCandidates: 1000, minimumAttendeePercentage: 100 }));
    expect(res.status).toBe(200);
    const suggestions = res.body.meetingTimeSuggestions;
    expect(res.body.emptySuggestionsReason).toBe('');
    // Brute force: every half hour of the window, both calendars and both working days checked directly.
    const expected: number[] = [];
    for (let t = Date.parse('2026-03-02T00:00:00Z'); t + 45 * 60_000 <= Date.parse('2026-03-14T00:00:00Z'); t += 30 * 60_000) {
      const ok = ['erin@contoso.test', 'alice@contoso.test'].every((m) => busyRank(m, t, t + 45 * 60_000) === 0 && withinWorkingHours(m, t, t + 45 * 60_000));
      if (ok) expected.push(t);
    }
    expect(expected.length).toBeGreaterThan(2);
    expect(suggestions.map((s: any) => Date.parse(`${s.meetingTimeSlot.start.dateTime.slice(0, 19)}Z`))).toEqual(expected);
    for (const s of suggestions) {
      expect(Date.parse(`${s.meetingTimeSlot.end.dateTime.slice(0, 19)}Z`) - Date.parse(`${s.meetingTimeSlot.start.dateTime.slice(0, 19)}Z`)).toBe(45 * 60_000);
      expect(s.confidence).toBe(100);
      expect(s.organizerAvailability).toBe('free');
      expect(s.attendeeAvailability).toEqual([{ attendee: { type: 'required', emailAddress: { name: 'alice@contoso.test', address: 'alice@contoso.test' } }, availability: 'free' }]);
    }
    const two = await server.call(delegated('erin'), 'POST', PATH, request(['alice@contoso.test'], { ...window, maxCandidates: 2, minimumAttendeePercentage: 100 }));
    expect(two.body.meetingTimeSuggestions.map((s: any) => s.meetingTimeSlot)).toEqual(suggestions.slice(0, 2).map((s: any) => s.meetingTimeSlot));
    expect(two.body.meetingTimeSuggestions.map((s: any) => s.order)).toEqual([1, 2]);
  });

  it('answers in the Prefer zone', async () => {
    const res = await server.call(delegated('alice'), 'POST', PATH, request(['carol@contoso.test'], { maxCandidates: 1 }), { prefer: 'outlook.timezone="India Standard Time"' });
    expect(res.body.meetingTimeSuggestions[0].meetingTimeSlot.start.timeZone).toBe('India Standard Time');
    expect(res.headers.get('preference-applied')).toBe('outlook.timezone="India Standard Time"');
  });

  it('explains an empty answer', async () => {
    // New York and Kolkata working days do not overlap with Berlin's all at once.
    const noOverlap = await server.call(delegated('alice'), 'POST', PATH, request(['bob@contoso.test', 'carol@contoso.test']));
    expect(noOverlap.body.meetingTimeSuggestions).toEqual([]);
    expect(noOverlap.body.emptySuggestionsReason).toBe('AttendeesUnavailable');
    const outsideHours = await server.call(delegated('alice'), 'POST', PATH, request(['carol@contoso.test'], {
      timeConstraint: { timeSlots: [{ start: dt('2026-03-07T00:00:00'), end: dt('2026-03-09T00:00:00') }] },
    }));
    expect(outsideHours.body.emptySuggestionsReason).toBe('OrganizerUnavailable');
  });

  it('rates unknown (outside) attendees at 50 % and honours minimumAttendeePercentage', async () => {
    const res = await server.call(delegated('alice'), 'POST', PATH, request(['guest@fabrikam.test'], { maxCandidates: 3 }));
    expect(res.body.meetingTimeSuggestions.length).toBe(3);
    expect(res.body.meetingTimeSuggestions.every((s: any) => s.confidence === 75 && s.attendeeAvailability[0].availability === 'unknown')).toBe(true);
    const strict = await server.call(delegated('alice'), 'POST', PATH, request(['guest@fabrikam.test'], { minimumAttendeePercentage: 100 }));
    expect(strict.body.meetingTimeSuggestions).toEqual([]);
    expect(strict.body.emptySuggestionsReason).toBe('AttendeesUnavailableOrUnknown');
  });

  it('with an optional organizer, suggests times the organizer is busy', async () => {
    const res = await server.call(delegated('dave'), 'POST', PATH, request(['bob@contoso.test'], { isOrganizerOptional: true, maxCandidates: 50, minimumAttendeePercentage: 100 }));
    const slots = res.body.meetingTimeSuggestions;
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.some((s: any) => s.organizerAvailability === 'busy')).toBe(true);
  });

  it('refuses a malformed duration', async () => {
    const res = await server.call(delegated('alice'), 'POST', PATH, request(['carol@contoso.test'], { meetingDuration: 'forty-five minutes' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RequestBodyRead');
  });
});
