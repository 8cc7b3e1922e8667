import { openMailbox } from './access.ts';
import type { CalendarContext, ResponseOptions } from './context.ts';
import { invalidRequest } from './errors.ts';
import { parseEventFields } from './event-input.ts';
import { renderEvent } from './event-view.ts';
import { alignToFirstOccurrence, checkTime, startLocalDay } from './event-time.ts';
import { meetingEventId } from './ids.ts';
import type { Meeting, MeetingAttendee, MeetingContent } from './meeting.ts';
import { snapshotOf } from './event-snapshots.ts';
import { outputZone } from './prefer.ts';
import { parseRecurrence } from './recurrence-input.ts';
import { hash32, hexDigits } from './seeded-random.ts';
import type { CalendarAuth, CalendarPerson } from './types.ts';

/** What a new event is unless the body says otherwise (Outlook's defaults). */
export function defaultContent(): MeetingContent {
  return {
    subject: '', bodyHtml: '', location: { displayName: '' }, locations: [], showAs: 'busy', sensitivity: 'normal', importance: 'normal',
    isAllDay: false, isOnlineMeeting: false, onlineMeetingProvider: 'unknown', categories: [], isReminderOn: true,
    reminderMinutesBeforeStart: 15, responseRequested: true, allowNewTimeProposals: true, hideAttendees: false,
  };
}

/** Turns on the Teams provider when a meeting goes online without naming one, as Teams tenants do. */
export function settleOnlineProvider(content: MeetingContent, providerGiven: boolean): MeetingContent {
  if (content.isOnlineMeeting && !providerGiven) return { ...content, onlineMeetingProvider: 'teamsForBusiness' };
  return content;
}

/** A Teams join link, deterministic from the seed and the meeting. */
export function teamsJoinUrl(seed: number, meetingKey: string, tenantId: string, organizerId: string): { joinUrl: string; conferenceId: string } {
  const thread = Buffer.from(hexDigits(seed, `${meetingKey}|join`, 48), 'hex').toString('base64url');
  // Teams writes the context's escapes in lower case (%7b%22Tid%22...).
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerId })).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`,
    conferenceId: String(100_000_000 + (hash32(seed, `${meetingKey}|conference`) % 900_000_000)),
  };
}

/** Resolves attendees to people of the tenant (their calendars get the meeting). */
export function resolveAttendees(ctx: CalendarContext, tenantId: string, attendees: Pick<MeetingAttendee, 'address' | 'name' | 'type'>[], previous: MeetingAttendee[] = []): MeetingAttendee[] {
  return attendees.map((a) => {
    const kept = previous.find((p) => p.address.toLowerCase() === a.address.toLowerCase());
    const person = a.type === 'resource' ? undefined : ctx.directory.byIdOrAddress(tenantId, a.address);
    return {
      ...a,
      ...(person ? { personId: person.id } : {}),
      response: kept?.response ?? 'none',
      ...(kept?.responseTimeMs === undefined ? {} : { responseTimeMs: kept.responseTimeMs }),
    };
  });
}

/**
 * `POST /users/{id}/events`: validates everything, then stores one meeting that appears in the
 * organizer's and every tenant attendee's calendar. A repeated transactionId returns the event
 * already created (201, nothing new stored).
 */
export function createEvent(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, rawBody: unknown, options: ResponseOptions = {}): Record<string, unknown> {
  const { person } = openMailbox(ctx.directory, auth, mailbox, 'write');
  const fields = parseEventFields(rawBody);
  const zone = outputZone(options.timeZone);
  if (!fields.start || !fields.end) throw invalidRequest('An event needs both start and end.');
  const content = settleOnlineProvider({ ...defaultContent(), ...fields.content }, fields.content.onlineMeetingProvider !== undefined);
  let time = checkTime(fields.start, fields.end, content.isAllDay);
  const recurrence = fields.recurrence === undefined || fields.recurrence === null
    ? undefined
    : parseRecurrence(fields.recurrence, startLocalDay(fields.start), fields.start.zone);
  if (recurrence) time = alignToFirstOccurrence(time, recurrence);
  const attendees = resolveAttendees(ctx, person.tenantId, fields.attendees ?? []);

  if (fields.transactionId !== undefined) {
    const existing = ctx.store.byTransaction(person.tenantId, person.id, fields.transactionId);
    if (existing && !existing.isCancelled) return render(ctx, existing, person, zone);
  }

  const serial = ctx.store.created + 1;
  const key = `${hexDigits(ctx.seed, `meeting#${serial}`, 12)}${serial.toString(36)}`;
  const nowMs = ctx.now().getTime();
  const online = content.isOnlineMeeting && content.onlineMeetingProvider === 'teamsForBusiness';
  const meeting: Meeting = {
    key,
    tenantId: person.tenantId,
    organizerId: person.id,
    organizer: { address: person.mail, name: person.displayName },
    iCalUId: `040000008200E00074C5B7101A82E008${hexDigits(ctx.seed, `${key}|ical`, 56).toUpperCase()}`,
    ...(fields.transactionId === undefined ? {} : { transactionId: fields.transactionId }),
    ...(online ? teamsJoinUrl(ctx.seed, key, person.tenantId, person.id) : {}),
    content,
    time,
    ...(recurrence ? { recurrence } : {}),
    attendees,
    cancelled: new Set(),
    exceptions: new Map(),
    occurrenceResponses: new Map(),
    removedFor: new Set(),
    isCancelled: false,
    createdMs: nowMs,
    lastModifiedMs: nowMs,
    version: 1,
  };
  ctx.store.created = serial;
  ctx.store.put(meeting);
  return render(ctx, meeting, person, zone);
}

function render(ctx: CalendarContext, meeting: Meeting, person: CalendarPerson, zone: ReturnType<typeof outputZone>): Record<string, unknown> {
  const snapshot = snapshotOf(ctx, { kind: 'meeting', person, meeting, masterId: meetingEventId(meeting.key, person.id) });
  return renderEvent(snapshot, { zone, basicOnly: false, hidePrivate: false });
}
