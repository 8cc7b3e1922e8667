import { openMailbox } from './access.ts';
import type { CalendarContext, ResponseOptions } from './context.ts';
import { accessDenied, invalidRequest, readOnlyGenerated } from './errors.ts';
import { resolveAttendees, settleOnlineProvider, teamsJoinUrl } from './event-create.ts';
import { parseEventFields, type EventFields } from './event-input.ts';
import { snapshotOf } from './event-snapshots.ts';
import { resolveTarget } from './event-targets.ts';
import { alignToFirstOccurrence, checkTime, startLocalDay } from './event-time.ts';
import { renderEvent } from './event-view.ts';
import { cloneMeeting, type Meeting, type MeetingTime } from './meeting.ts';
import { outputZone } from './prefer.ts';
import { parseRecurrence, type StoredRecurrence } from './recurrence-input.ts';
import type { CalendarAuth } from './types.ts';
import { utcToWall } from './zones.ts';

/**
 * `PATCH /users/{id}/events/{id}`. On a series or single event it changes the meeting for everyone;
 * on an occurrence it makes (or updates) an exception. Only the organizer may change a meeting.
 */
export function updateEvent(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, eventId: string, rawBody: unknown, options: ResponseOptions = {}): Record<string, unknown> {
  const { person } = openMailbox(ctx.directory, auth, mailbox, 'write');
  const target = resolveTarget(ctx, person, eventId);
  const fields = parseEventFields(rawBody);
  const zone = outputZone(options.timeZone);
  if (target.kind !== 'meeting') throw readOnlyGenerated();
  const stored = target.meeting;
  if (stored.organizerId !== person.id) throw accessDenied();
  if (fields.transactionId !== undefined && fields.transactionId !== stored.transactionId) {
    throw invalidRequest('The transactionId of an event cannot be changed.');
  }
  const next = target.originalStartMs === undefined ? patchSeries(ctx, stored, fields) : patchOccurrence(stored, target.originalStartMs, fields);
  next.version = stored.version + 1;
  next.lastModifiedMs = ctx.now().getTime();
  if (next.content.isOnlineMeeting && next.content.onlineMeetingProvider === 'teamsForBusiness' && next.joinUrl === undefined) {
    Object.assign(next, teamsJoinUrl(ctx.seed, next.key, next.tenantId, next.organizerId));
  }
  ctx.store.put(next);
  return renderEvent(snapshotOf(ctx, { ...target, meeting: next }), { zone, basicOnly: false, hidePrivate: false });
}

function patchSeries(ctx: CalendarContext, stored: Meeting, fields: EventFields): Meeting {
  const next = cloneMeeting(stored);
  next.content = settleOnlineProvider({ ...stored.content, ...fields.content }, fields.content.onlineMeetingProvider !== undefined || stored.content.onlineMeetingProvider !== 'unknown');
  const start = fields.start ?? { ms: stored.time.startMs, wallMs: utcToWall(stored.time.startZone.iana, stored.time.startMs), zone: stored.time.startZone };
  const end = fields.end ?? { ms: stored.time.endMs, wallMs: utcToWall(stored.time.endZone.iana, stored.time.endMs), zone: stored.time.endZone };
  let time: MeetingTime = checkTime(start, end, next.content.isAllDay);
  let recurrence: StoredRecurrence | undefined = stored.recurrence;
  if (fields.recurrence === null) recurrence = undefined;
  else if (fields.recurrence !== undefined) recurrence = parseRecurrence(fields.recurrence, startLocalDay(start), start.zone);
  else if (recurrence && fields.start) {
    // Moving a series' start moves its range with it (Outlook keeps startDate equal to the start).
    recurrence = { ...recurrence, rule: { ...recurrence.rule, startDay: startLocalDay(start) } };
  }
  if (recurrence) time = alignToFirstOccurrence(time, recurrence);
  next.time = time;
  if (recurrence) next.recurrence = recurrence;
  else delete next.recurrence;
  if (fields.attendees) next.attendees = resolveAttendees(ctx, stored.tenantId, fields.attendees, stored.attendees);
  const moved = time.startMs !== stored.time.startMs || time.endMs !== stored.time.endMs || fields.recurrence !== undefined;
  if (moved) {
    // A new time is a new request: exceptions and answers are discarded, as Exchange does.
    next.exceptions.clear();
    next.cancelled.clear();
    next.occurrenceResponses.clear();
    next.removedFor.clear();
    next.attendees = next.attendees.map(({ responseTimeMs: _dropped, ...a }) => ({ ...a, response: 'none' }));
  }
  return next;
}

function patchOccurrence(stored: Meeting, originalStartMs: number, fields: EventFields): Meeting {
  if (fields.attendees || fields.recurrence !== undefined) throw invalidRequest('Attendees and recurrence can only be changed on the series, not on one occurrence.');
  const next = cloneMeeting(stored);
  const previous = stored.exceptions.get(originalStartMs);
  const duration = stored.time.endMs - stored.time.startMs;
  const base = previous?.time ?? { ...stored.time, startMs: originalStartMs, endMs: originalStartMs + duration };
  const start = fields.start ?? { ms: base.startMs, wallMs: utcToWall(base.startZone.iana, base.startMs), zone: base.startZone };
  const end = fields.end ?? { ms: base.endMs, wallMs: utcToWall(base.endZone.iana, base.endMs), zone: base.endZone };
  const content = { ...previous?.content, ...fields.content };
  const time = checkTime(start, end, content.isAllDay ?? stored.content.isAllDay);
  next.exceptions.set(originalStartMs, { time, content, version: (previous?.version ?? 0) + 1 });
  return next;
}
