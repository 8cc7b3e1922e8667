import { describe, expect, it } from 'vitest';
import { delegated, dt, makeService } from './fixtures.ts';

const VIEW = { startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-04-01T00:00:00Z', top: '1000' };

describe('exportState / importState', () => {
  const populated = () => {
    const service = makeService();
    const series = service.createEvent(delegated('alice'), 'me', {
      subject: 'Mentoring', transactionId: 't-1', isOnlineMeeting: true,
      start: dt('2026-03-03T10:00:00', 'Europe/Berlin'), end: dt('2026-03-03T10:30:00', 'Europe/Berlin'),
      attendees: [{ emailAddress: { address: 'bob@contoso.test' } }],
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] }, range: { type: 'numbered', startDate: '2026-03-03', numberOfOccurrences: 4 } },
    });
    const occurrences = service.eventInstances(delegated('alice'), 'me', String(series.id), VIEW).value;
    service.updateEvent(delegated('alice'), 'me', String(occurrences[1]!.id), { subject: 'Moved', start: dt('2026-03-11T10:00:00', 'Europe/Berlin'), end: dt('2026-03-11T10:30:00', 'Europe/Berlin') });
    service.cancelEvent(delegated('alice'), 'me', String(occurrences[2]!.id), {});
    const bobCopy = service.calendarView(delegated('bob'), 'me', VIEW).value.find((e) => e.iCalUId === series.iCalUId)!;
    service.respondToEvent(delegated('bob'), 'me', String(bobCopy.seriesMasterId), 'accept', {});
    return service;
  };

  it('round-trips API-created state through JSON: views, answers and idempotency survive a restart', () => {
    const before = populated();
    const saved = JSON.parse(JSON.stringify(before.exportState()));
    expect(saved.meetings).toHaveLength(1);
    const after = makeService();
    after.importState(saved);
    for (const who of ['alice', 'bob']) {
      expect(after.calendarView(delegated(who), 'me', VIEW).value).toEqual(before.calendarView(delegated(who), 'me', VIEW).value);
    }
    const retry = after.createEvent(delegated('alice'), 'me', { subject: 'Mentoring', transactionId: 't-1', start: dt('2026-03-03T10:00:00', 'Europe/Berlin'), end: dt('2026-03-03T10:30:00', 'Europe/Berlin') });
    expect(after.exportState().meetings).toHaveLength(1);
    expect(retry.subject).toBe('Mentoring');
    // The id counter is part of the state: a new event after the restart gets a new id.
    const fresh = after.createEvent(delegated('alice'), 'me', { subject: 'New', start: dt('2026-03-20T10:00:00'), end: dt('2026-03-20T11:00:00') });
    expect(fresh.id).not.toBe(retry.id);
    expect(after.exportState().meetings).toHaveLength(2);
  });

  it('does not contain generated items (they come back from the seed)', () => {
    const service = makeService();
    service.calendarView(delegated('alice'), 'me', VIEW);
    expect(service.exportState().meetings).toEqual([]);
  });

  it('refuses an invalid state and keeps what it had', () => {
    const service = populated();
    const before = JSON.stringify(service.exportState());
    expect(() => service.importState({ kind: 'upward-devtenant-calendar', version: 1, created: 1, meetings: [{ key: 'x' }] })).toThrow();
    expect(() => service.importState({ version: 2 })).toThrow();
    expect(JSON.stringify(service.exportState())).toBe(before);
  });
});
