import { GraphError } from '../graph-error.ts';
import { openMailbox } from './access.ts';
import type { CalendarContext } from './context.ts';
import { invalidRequest, readOnlyGenerated } from './errors.ts';
import { resolveTarget, type EventTarget } from './event-targets.ts';
import { bodyObject, optBoolean, optObject, optString, rejectUnknown } from './json-input.ts';
import { cloneMeeting, type Meeting } from './meeting.ts';
import type { CalendarAuth, CalendarPerson, ResponseType } from './types.ts';

export type MeetingResponse = 'accept' | 'decline' | 'tentativelyAccept';
const RESPONSE_OF: Record<MeetingResponse, ResponseType> = { accept: 'accepted', decline: 'declined', tentativelyAccept: 'tentativelyAccepted' };

function meetingTarget(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, eventId: string): { person: CalendarPerson; target: EventTarget & { kind: 'meeting' } } {
  const { person } = openMailbox(ctx.directory, auth, mailbox, 'write');
  const target = resolveTarget(ctx, person, eventId);
  if (target.kind !== 'meeting') throw readOnlyGenerated();
  return { person, target };
}

/** The organizer withdraws a meeting (whole or one occurrence): gone for the organizer, cancelled for attendees. */
function withdraw(ctx: CalendarContext, stored: Meeting, originalStartMs: number | undefined): void {
  const next = cloneMeeting(stored);
  if (originalStartMs === undefined) {
    next.isCancelled = true;
  } else {
    next.cancelled.add(originalStartMs);
    next.exceptions.delete(originalStartMs);
  }
  commit(ctx, stored, next);
}

function commit(ctx: CalendarContext, stored: Meeting, next: Meeting): void {
  next.version = stored.version + 1;
  next.lastModifiedMs = ctx.now().getTime();
  const nobodySeesIt = next.isCancelled && next.attendees.every((a) => a.personId === undefined || a.personId === next.organizerId || next.removedFor.has(a.personId));
  if (nobodySeesIt) ctx.store.remove(next.key);
  else ctx.store.put(next);
}

/**
 * `DELETE /users/{id}/events/{id}` (204). The organizer deleting a meeting cancels it for everyone;
 * an attendee deleting it removes it from their own calendar only.
 */
export function deleteEvent(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, eventId: string): void {
  const { person, target } = meetingTarget(ctx, auth, mailbox, eventId);
  const stored = target.meeting;
  if (person.id === stored.organizerId) return withdraw(ctx, stored, target.originalStartMs);
  const next = cloneMeeting(stored);
  if (target.originalStartMs === undefined) next.removedFor.add(person.id);
  else setOccurrenceResponse(next, person.id, target.originalStartMs, 'declined', ctx.now().getTime());
  commit(ctx, stored, next);
}

/** `POST .../events/{id}/cancel` (202): organizer only. */
export function cancelEvent(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, eventId: string, rawBody: unknown): void {
  const { person, target } = meetingTarget(ctx, auth, mailbox, eventId);
  const body = bodyObject(rawBody);
  rejectUnknown(body, new Set(['comment']), 'microsoft.graph.cancel');
  optString(body, 'comment', 'microsoft.graph.cancel');
  if (person.id !== target.meeting.organizerId) {
    throw new GraphError(400, 'ErrorAccessDenied', "Your request can't be completed. You need to be an organizer to cancel a meeting.");
  }
  withdraw(ctx, target.meeting, target.originalStartMs);
}

/** `POST .../events/{id}/accept|decline|tentativelyAccept` (202): an attendee answers the series or one occurrence. */
export function respondToEvent(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, eventId: string, action: MeetingResponse, rawBody: unknown): void {
  const { person, target } = meetingTarget(ctx, auth, mailbox, eventId);
  const body = bodyObject(rawBody);
  rejectUnknown(body, new Set(['comment', 'sendResponse', 'proposedNewTime']), `microsoft.graph.${action}`);
  optString(body, 'comment', `microsoft.graph.${action}`);
  optBoolean(body, 'sendResponse', `microsoft.graph.${action}`);
  optObject(body, 'proposedNewTime', `microsoft.graph.${action}`);
  const stored = target.meeting;
  if (person.id === stored.organizerId) {
    throw invalidRequest("Your request can't be completed. You can't respond to a meeting you organized.");
  }
  if (stored.isCancelled) throw invalidRequest("Your request can't be completed. The meeting has been canceled.");
  const response = RESPONSE_OF[action];
  const nowMs = ctx.now().getTime();
  const next = cloneMeeting(stored);
  if (target.originalStartMs !== undefined) {
    setOccurrenceResponse(next, person.id, target.originalStartMs, response, nowMs);
  } else {
    next.attendees = next.attendees.map((a) => (a.personId === person.id ? { ...a, response, responseTimeMs: nowMs } : a));
    // An answer to the series replaces earlier answers to single occurrences.
    for (const answers of next.occurrenceResponses.values()) answers.delete(person.id);
    // Exchange moves a declined meeting out of the calendar.
    if (response === 'declined') next.removedFor.add(person.id);
  }
  commit(ctx, stored, next);
}

function setOccurrenceResponse(meeting: Meeting, personId: string, originalStartMs: number, response: ResponseType, timeMs: number): void {
  let answers = meeting.occurrenceResponses.get(originalStartMs);
  if (!answers) {
    answers = new Map();
    meeting.occurrenceResponses.set(originalStartMs, answers);
  }
  answers.set(personId, { response, timeMs });
}
