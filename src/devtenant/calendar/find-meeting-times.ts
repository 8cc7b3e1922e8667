import { accessDenied, invalidParameter, meNeedsDelegated, requestBodyRead } from './errors.ts';
import { openMailbox } from './access.ts';
import { MS_PER_DAY, MS_PER_MINUTE } from './civil.ts';
import type { CalendarContext, ResponseOptions } from './context.ts';
import { parseDateTimeTimeZone, parseIsoDuration } from './date-time-input.ts';
import { buildTimeline, rankBetween, type StatusTimeline } from './free-busy.ts';
import { bodyObject, isObject, optArray, optBoolean, optEnum, optInteger, optObject, optString, rejectUnknown } from './json-input.ts';
import { outputZone, toDateTimeTimeZone } from './prefer.ts';
import type { CalendarAuth, CalendarPerson, FreeBusyStatus } from './types.ts';
import { utcToWall } from './zones.ts';

/**
 * `POST /me/findMeetingTimes` (delegated only): single-slot suggestions where the organizer and the
 * attendees are free, within working hours unless the activity domain says otherwise. Candidates
 * start on the half hour of the organizer's clock, like Outlook's.
 */

const WHERE = 'microsoft.graph.findMeetingTimes';
const KNOWN = new Set(['attendees', 'locationConstraint', 'timeConstraint', 'meetingDuration', 'maxCandidates', 'isOrganizerOptional', 'returnSuggestionReasons', 'minimumAttendeePercentage']);
const STEP_MS = 30 * MS_PER_MINUTE;
/** Bounds the scan whatever the constraint (62 days of half hours). */
const MAX_CANDIDATES_SCANNED = 62 * 48;
const DEFAULT_MAX_CANDIDATES = 20;
const STATUS_OF_RANK: FreeBusyStatus[] = ['free', 'tentative', 'busy', 'oof'];
/** Attendance likelihood Outlook assigns to each availability. */
const LIKELIHOOD: Record<FreeBusyStatus, number> = { free: 100, workingElsewhere: 100, tentative: 50, unknown: 50, busy: 0, oof: 0 };

interface Participant {
  address: string;
  name: string;
  type: 'required' | 'optional' | 'resource';
  person?: CalendarPerson;
  timeline?: StatusTimeline;
}

export function findMeetingTimes(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, rawBody: unknown, options: ResponseOptions = {}): object {
  if (auth.kind !== 'delegated') throw mailbox.toLowerCase() === 'me' ? meNeedsDelegated() : accessDenied();
  const { person: organizer } = openMailbox(ctx.directory, auth, mailbox, 'read');
  const body = bodyObject(rawBody);
  rejectUnknown(body, KNOWN, WHERE);
  const zone = outputZone(options.timeZone);
  const attendees = readAttendees(optArray(body, 'attendees', WHERE) ?? []);
  const constraint = optObject(body, 'timeConstraint', WHERE);
  const domain = constraint ? optEnum(constraint, 'activityDomain', 'microsoft.graph.activityDomain', ['unknown', 'work', 'personal', 'unrestricted'] as const) ?? 'work' : 'work';
  const durationText = optString(body, 'meetingDuration', WHERE) ?? 'PT30M';
  const duration = parseIsoDuration(durationText);
  if (duration === undefined) throw requestBodyRead(`Cannot convert the literal '${durationText}' to the expected type 'Edm.Duration'.`);
  if (duration <= 0) throw invalidParameter('meetingDuration must be longer than zero.');
  const maxCandidates = optInteger(body, 'maxCandidates', WHERE) ?? DEFAULT_MAX_CANDIDATES;
  const organizerOptional = optBoolean(body, 'isOrganizerOptional', WHERE) ?? false;
  const reasons = optBoolean(body, 'returnSuggestionReasons', WHERE) ?? false;
  const minimum = typeof body.minimumAttendeePercentage === 'number' ? body.minimumAttendeePercentage : 50;
  const slots = readSlots(ctx, constraint);

  const windowStart = Math.min(...slots.map((s) => s.startMs));
  const windowEnd = Math.max(...slots.map((s) => s.endMs));
  const participants: Participant[] = attendees.map((a) => {
    const person = a.type === 'resource' ? undefined : ctx.directory.byIdOrAddress(auth.tenantId, a.address);
    return { ...a, ...(person ? { person, timeline: buildTimeline(ctx.book.entries(person, windowStart, windowEnd)) } : {}) };
  });
  const organizerTimeline = buildTimeline(ctx.book.entries(organizer, windowStart, windowEnd));
  const hoursOf = [...(organizerOptional ? [] : [organizer]), ...participants.flatMap((p) => (p.person && p.person.id !== organizer.id ? [p.person] : []))];

  const suggestions: { startMs: number; confidence: number; organizer: FreeBusyStatus; attendees: FreeBusyStatus[] }[] = [];
  let sawOrganizerFree = false;
  let sawUnknown = false;
  let scanned = 0;
  for (const slot of slots) {
    for (let t = alignToHalfHour(ctx, organizer, slot.startMs); t + duration <= slot.endMs && scanned < MAX_CANDIDATES_SCANNED; t += STEP_MS, scanned++) {
      // The organizer's own hours and free/busy first, so an empty answer can say whose fault it is.
      if (!domainAllows(ctx, domain, organizer, organizerOptional ? [] : [organizer], t, t + duration)) continue;
      const organizerStatus = STATUS_OF_RANK[rankBetween(organizerTimeline, t, t + duration)]!;
      const organizerBlocked = !organizerOptional && (organizerStatus === 'busy' || organizerStatus === 'oof');
      if (!organizerBlocked) sawOrganizerFree = true;
      if (!domainAllows(ctx, domain, organizer, hoursOf, t, t + duration)) continue;
      const statuses = participants.map((p) => (p.timeline ? STATUS_OF_RANK[rankBetween(p.timeline, t, t + duration)]! : 'unknown'));
      if (statuses.includes('unknown')) sawUnknown = true;
      // Outlook treats every person attendee as required when it rates a slot; rooms are not modelled.
      const counted = statuses.filter((_, i) => participants[i]!.type !== 'resource');
      if (!organizerOptional) counted.push(organizerStatus);
      const confidence = counted.length === 0 ? 100 : counted.reduce((sum, s) => sum + LIKELIHOOD[s], 0) / counted.length;
      if (!organizerBlocked && confidence >= minimum && confidence > 0) suggestions.push({ startMs: t, confidence, organizer: organizerStatus, attendees: statuses });
    }
  }
  suggestions.sort((a, b) => b.confidence - a.confidence || a.startMs - b.startMs);
  const chosen = suggestions.slice(0, Math.max(0, maxCandidates));
  return {
    emptySuggestionsReason: chosen.length > 0 ? '' : !sawOrganizerFree ? 'OrganizerUnavailable' : sawUnknown ? 'AttendeesUnavailableOrUnknown' : 'AttendeesUnavailable',
    meetingTimeSuggestions: chosen.map((s, i) => ({
      confidence: s.confidence,
      order: i + 1,
      organizerAvailability: s.organizer,
      ...(reasons ? { suggestionReason: s.confidence === 100 ? 'Suggested because it is one of the nearest times when all attendees are available.' : 'Suggested because it is one of the nearest times when most attendees are available.' } : {}),
      meetingTimeSlot: { start: toDateTimeTimeZone(s.startMs, zone), end: toDateTimeTimeZone(s.startMs + duration, zone) },
      attendeeAvailability: participants.map((p, j) => ({ attendee: { type: p.type, emailAddress: { name: p.name, address: p.address } }, availability: s.attendees[j] })),
      locations: [],
    })),
  };
}

function readAttendees(raw: unknown[]): Omit<Participant, 'person' | 'timeline'>[] {
  return raw.map((item) => {
    if (!isObject(item)) throw requestBodyRead("Each item of 'attendees' must be an attendeeBase object.");
    const email = optObject(item, 'emailAddress', 'microsoft.graph.attendeeBase');
    const address = email ? optString(email, 'address', 'microsoft.graph.emailAddress') : undefined;
    if (!address) throw invalidParameter('Each attendee needs emailAddress.address.');
    const type = optEnum(item, 'type', 'microsoft.graph.attendeeType', ['required', 'optional', 'resource'] as const) ?? 'required';
    return { address, name: (email && optString(email, 'name', 'microsoft.graph.emailAddress')) || address, type };
  });
}

/** The constraint's time slots; without one, the next two days from now. */
function readSlots(ctx: CalendarContext, constraint: Record<string, unknown> | undefined): { startMs: number; endMs: number }[] {
  const raw = constraint ? optArray(constraint, 'timeSlots', 'microsoft.graph.timeConstraint') : undefined;
  if (!raw || raw.length === 0) {
    const now = ctx.now().getTime();
    return [{ startMs: now, endMs: now + 2 * MS_PER_DAY }];
  }
  return raw.map((slot) => {
    if (!isObject(slot)) throw requestBodyRead("Each item of 'timeSlots' must be a timeSlot object.");
    const start = parseDateTimeTimeZone(slot.start, 'start');
    const end = parseDateTimeTimeZone(slot.end, 'end');
    if (end.ms <= start.ms) throw invalidParameter('A time slot must end after it starts.');
    return { startMs: start.ms, endMs: end.ms };
  });
}

function alignToHalfHour(ctx: CalendarContext, organizer: CalendarPerson, ms: number): number {
  const zone = ctx.generated.profile(organizer).zone;
  const wall = utcToWall(zone, ms);
  return ms + ((STEP_MS - (wall % STEP_MS)) % STEP_MS);
}

/** Inside every listed person's working window on one working day. */
function withinWorkingHours(ctx: CalendarContext, person: CalendarPerson, fromMs: number, toMs: number): boolean {
  const profile = ctx.generated.profile(person);
  const start = utcToWall(profile.zone, fromMs);
  const end = utcToWall(profile.zone, toMs);
  const day = Math.floor(start / MS_PER_DAY);
  if (!profile.workDays.includes((((day + 4) % 7) + 7) % 7)) return false;
  return start >= day * MS_PER_DAY + profile.workStart * MS_PER_MINUTE && end <= day * MS_PER_DAY + profile.workEnd * MS_PER_MINUTE;
}

function domainAllows(ctx: CalendarContext, domain: string, organizer: CalendarPerson, people: CalendarPerson[], fromMs: number, toMs: number): boolean {
  if (domain === 'unrestricted') return true;
  if (domain === 'personal') return !withinWorkingHours(ctx, organizer, fromMs, toMs);
  return people.every((p) => withinWorkingHours(ctx, p, fromMs, toMs));
}
