import { MS_PER_DAY } from './civil.ts';
import { occurrenceDays } from './recurrence.ts';
import type { StoredRecurrence } from './recurrence-input.ts';
import type { CalendarEntry, FreeBusyStatus, NamedZone, ResponseType, Sensitivity } from './types.ts';
import { utcToWall, wallToUtc } from './zones.ts';

/**
 * An event created through the API. One record serves every mailbox it appears in (organizer and
 * attendees of the tenant), so all of them see the same times, exceptions and cancellations; what
 * differs per mailbox (response, whether they removed it) is kept on the record by person id.
 */

export type Importance = 'low' | 'normal' | 'high';

/** What an exception may override. */
export interface MeetingContent {
  subject: string;
  bodyHtml: string;
  location: Record<string, unknown>;
  locations: Record<string, unknown>[];
  showAs: FreeBusyStatus;
  sensitivity: Sensitivity;
  importance: Importance;
  isAllDay: boolean;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  categories: string[];
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  responseRequested: boolean;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
}

export interface MeetingTime {
  startMs: number;
  endMs: number;
  startZone: NamedZone;
  endZone: NamedZone;
}

export interface MeetingAttendee {
  address: string;
  name: string;
  type: 'required' | 'optional' | 'resource';
  /** Set when the address is a person of the tenant: the meeting is then in their calendar. */
  personId?: string;
  response: ResponseType;
  responseTimeMs?: number;
}

export interface MeetingException {
  time: MeetingTime;
  content: Partial<MeetingContent>;
  version: number;
}

export interface OccurrenceResponse {
  response: ResponseType;
  timeMs: number;
}

export interface Meeting {
  key: string;
  tenantId: string;
  organizerId: string;
  organizer: { address: string; name: string };
  iCalUId: string;
  transactionId?: string;
  joinUrl?: string;
  conferenceId?: string;
  content: MeetingContent;
  time: MeetingTime;
  recurrence?: StoredRecurrence;
  attendees: MeetingAttendee[];
  /** Original starts (UTC ms) of occurrences the organizer cancelled. */
  cancelled: Set<number>;
  /** Original start → the occurrence as changed. */
  exceptions: Map<number, MeetingException>;
  /** Original start → person id → that attendee's answer for the one occurrence. */
  occurrenceResponses: Map<number, Map<string, OccurrenceResponse>>;
  /** Attendees who deleted or declined the whole meeting: gone from their calendar. */
  removedFor: Set<string>;
  /** Cancelled by the organizer: gone from the organizer's calendar, marked cancelled for attendees. */
  isCancelled: boolean;
  createdMs: number;
  lastModifiedMs: number;
  version: number;
}

/** One appearance of a meeting in a calendar. */
export interface MeetingInstance {
  kind: 'singleInstance' | 'occurrence' | 'exception';
  originalStartMs?: number;
  time: MeetingTime;
  content: MeetingContent;
  exceptionVersion?: number;
}

/** Start (UTC ms) of the occurrence on a local date of the series' recurrence zone. */
export function occurrenceStart(meeting: Meeting, localDay: number): number {
  const zone = meeting.recurrence!.zone.iana;
  const timeOfDay = utcToWall(zone, meeting.time.startMs) - Math.floor(utcToWall(zone, meeting.time.startMs) / MS_PER_DAY) * MS_PER_DAY;
  return wallToUtc(zone, localDay * MS_PER_DAY + timeOfDay);
}

/** The local date (recurrence zone) of an occurrence's original start. */
export function occurrenceLocalDay(meeting: Meeting, originalStartMs: number): number {
  return Math.floor(utcToWall(meeting.recurrence!.zone.iana, originalStartMs) / MS_PER_DAY);
}

/** Is this original start a real occurrence of the series (whatever has happened to it since)? */
export function isOccurrenceOf(meeting: Meeting, originalStartMs: number): boolean {
  if (!meeting.recurrence) return false;
  const day = occurrenceLocalDay(meeting, originalStartMs);
  return occurrenceDays(meeting.recurrence.rule, day, day).length === 1 && occurrenceStart(meeting, day) === originalStartMs;
}

/** Every instance of the meeting overlapping [fromMs, toMs) that the person can see, by start. */
export function meetingInstances(meeting: Meeting, personId: string, fromMs: number, toMs: number): MeetingInstance[] {
  const overlaps = (t: MeetingTime): boolean => t.startMs < toMs && t.endMs > fromMs;
  if (!meeting.recurrence) {
    return overlaps(meeting.time) && viewStatus(meeting, personId) ? [{ kind: 'singleInstance', time: meeting.time, content: meeting.content }] : [];
  }
  const out: MeetingInstance[] = [];
  const duration = meeting.time.endMs - meeting.time.startMs;
  const zone = meeting.recurrence.zone.iana;
  const fromDay = Math.floor(utcToWall(zone, fromMs - duration) / MS_PER_DAY) - 1;
  const toDay = Math.floor(utcToWall(zone, toMs) / MS_PER_DAY) + 1;
  for (const day of occurrenceDays(meeting.recurrence.rule, fromDay, toDay)) {
    const start = occurrenceStart(meeting, day);
    if (meeting.cancelled.has(start) || meeting.exceptions.has(start)) continue;
    const time = { ...meeting.time, startMs: start, endMs: start + duration };
    if (overlaps(time) && viewStatus(meeting, personId, start)) out.push({ kind: 'occurrence', originalStartMs: start, time, content: meeting.content });
  }
  for (const [original, exception] of meeting.exceptions) {
    if (meeting.cancelled.has(original) || !overlaps(exception.time) || !viewStatus(meeting, personId, original)) continue;
    out.push({ kind: 'exception', originalStartMs: original, time: exception.time, content: { ...meeting.content, ...exception.content }, exceptionVersion: exception.version });
  }
  return out.sort((a, b) => a.time.startMs - b.time.startMs);
}

/** The person's answer to the meeting (or to one occurrence of it). */
export function responseOf(meeting: Meeting, personId: string, originalStartMs?: number): { response: ResponseType; timeMs?: number } {
  if (personId === meeting.organizerId) return { response: 'organizer' };
  const perOccurrence = originalStartMs === undefined ? undefined : meeting.occurrenceResponses.get(originalStartMs)?.get(personId);
  if (perOccurrence) return { response: perOccurrence.response, timeMs: perOccurrence.timeMs };
  const attendee = meeting.attendees.find((a) => a.personId === personId);
  return { response: attendee?.response ?? 'none', ...(attendee?.responseTimeMs === undefined ? {} : { timeMs: attendee.responseTimeMs }) };
}

/**
 * How the meeting shows in the person's free/busy, or undefined if it is not in their calendar.
 * Exchange puts an unanswered invitation in the attendee's calendar as tentative; accepting takes
 * the organizer's showAs; declining removes it.
 */
export function viewStatus(meeting: Meeting, personId: string, originalStartMs?: number): FreeBusyStatus | undefined {
  const showAs = (originalStartMs === undefined ? undefined : meeting.exceptions.get(originalStartMs)?.content.showAs) ?? meeting.content.showAs;
  if (personId === meeting.organizerId) return meeting.isCancelled ? undefined : showAs;
  if (meeting.removedFor.has(personId) || !meeting.attendees.some((a) => a.personId === personId)) return undefined;
  const { response } = responseOf(meeting, personId, originalStartMs);
  if (response === 'declined') return undefined;
  if (meeting.isCancelled) return 'free';
  if (response === 'accepted') return showAs;
  const blocking = showAs === 'busy' || showAs === 'oof' || showAs === 'workingElsewhere';
  return response === 'tentativelyAccepted' || blocking ? 'tentative' : showAs;
}

/** The person's calendar entries for this meeting overlapping [fromMs, toMs). */
export function meetingEntries(meeting: Meeting, personId: string, fromMs: number, toMs: number): CalendarEntry[] {
  return meetingInstances(meeting, personId, fromMs, toMs).map((instance) => ({
    startMs: instance.time.startMs,
    endMs: instance.time.endMs,
    status: viewStatus(meeting, personId, instance.originalStartMs) ?? 'free',
    isPrivate: instance.content.sensitivity === 'private',
    subject: meeting.isCancelled ? `Canceled: ${instance.content.subject}` : instance.content.subject,
    location: typeof instance.content.location.displayName === 'string' ? instance.content.location.displayName : '',
    sortKey: `m:${meeting.key}:${instance.originalStartMs ?? ''}`,
    source: { kind: 'meeting', meetingKey: meeting.key, ...(instance.originalStartMs === undefined ? {} : { originalStartMs: instance.originalStartMs }), isException: instance.kind === 'exception' },
  }));
}

/** A deep enough copy to change without touching the stored meeting until the change is complete. */
export function cloneMeeting(m: Meeting): Meeting {
  return {
    ...m,
    content: { ...m.content },
    attendees: m.attendees.map((a) => ({ ...a })),
    cancelled: new Set(m.cancelled),
    exceptions: new Map(m.exceptions),
    occurrenceResponses: new Map([...m.occurrenceResponses].map(([k, v]) => [k, new Map(v)])),
    removedFor: new Set(m.removedFor),
  };
}
