import { badInput, type FieldError } from '../errors.ts';
import type { EpochMs, IanaZone } from '../time.ts';
import { formatClockTime } from '../time/clock-time.ts';
import { mergeIntervals, type Interval } from '../time/intervals.ts';
import { addDays, formatLocalDate, isoWeekday, parseLocalDate, type LocalDate } from '../time/local-date.ts';
import { resolveWorkingHours, type DailyHours } from '../time/working-hours.ts';
import { epochToLocal, toIanaZone } from '../time/zones.ts';
import { CADENCES, SESSION_MINUTES, type Cadence, type Participant, type SeriesRequest, type SessionMinutes } from './types.ts';

/** A participant after checking: zones resolved, hours as numbers, busy times merged. */
export interface ResolvedParticipant {
  readonly id: string;
  /** Name for sentences. */
  readonly label: string;
  readonly zone: IanaZone;
  readonly hours: DailyHours;
  readonly busy: Interval[];
}

export interface ResolvedRequest {
  readonly organiser: ResolvedParticipant;
  readonly attendee: ResolvedParticipant;
  readonly cadence: Cadence;
  readonly durationMinutes: SessionMinutes;
  readonly termStart: LocalDate;
  readonly termEnd: LocalDate;
  /** The first date a session may fall on: the term start, or the organiser's tomorrow if later. */
  readonly earliestDate: LocalDate;
  readonly now: EpochMs;
}

/** Longest term searched: two years keeps one request's work bounded. */
export const MAX_TERM_DAYS = 731;

/**
 * Checks a series request and resolves it, reporting every problem at once.
 * @throws UpwardError `bad_input` with a field error per problem (`term.end`, `attendee.zone`, …).
 */
export function resolveRequest(request: SeriesRequest): ResolvedRequest {
  const errors: FieldError[] = [];
  const cadence = request?.cadence;
  if (!CADENCES.includes(cadence)) {
    errors.push({ field: 'cadence', message: `unknown cadence "${String(cadence)}"; expected weekly, biweekly or monthly` });
  }
  const duration = request?.durationMinutes;
  if (!SESSION_MINUTES.includes(duration)) {
    errors.push({ field: 'durationMinutes', message: `sessions last 30, 45 or 60 minutes, not ${String(duration)}` });
  }
  const now = request?.now;
  if (typeof now !== 'number' || !Number.isFinite(now)) errors.push({ field: 'now', message: 'expected epoch milliseconds' });

  const termStart = typeof request?.term?.start === 'string' ? parseLocalDate(request.term.start) : undefined;
  const termEnd = typeof request?.term?.end === 'string' ? parseLocalDate(request.term.end) : undefined;
  if (termStart === undefined) errors.push({ field: 'term.start', message: 'expected a date such as 2026-03-02' });
  if (termEnd === undefined) errors.push({ field: 'term.end', message: 'expected a date such as 2026-05-29' });
  if (termStart !== undefined && termEnd !== undefined) {
    if (termEnd <= termStart) {
      errors.push({ field: 'term.end', message: `the term must end after it starts (${request.term.start} to ${request.term.end})` });
    } else if (termEnd - termStart > MAX_TERM_DAYS) {
      errors.push({ field: 'term.end', message: `a term may last at most ${MAX_TERM_DAYS} days` });
    }
  }

  const organiser = resolveParticipant(request?.organiser, 'organiser', errors);
  const attendee = resolveParticipant(request?.attendee, 'attendee', errors);
  for (const [person, field] of [[organiser, 'organiser'], [attendee, 'attendee']] as const) {
    if (person === undefined || typeof duration !== 'number') continue;
    const { startMinute, endMinute } = person.hours;
    if (endMinute - startMinute < duration) {
      errors.push({
        field: `${field}.workingHours`,
        message: `${person.label}'s working day (${formatClockTime(startMinute)}–${formatClockTime(endMinute)}) is shorter than a ${duration}-minute session`,
      });
    }
  }

  let earliestDate: LocalDate | undefined;
  if (organiser !== undefined && termStart !== undefined && termEnd !== undefined && termEnd > termStart && typeof now === 'number' && Number.isFinite(now)) {
    const tomorrow = addDays(epochToLocal(now, organiser.zone).date, 1);
    earliestDate = tomorrow > termStart ? tomorrow : termStart;
    const problem = termTooShort(earliestDate, termEnd, organiser);
    if (problem !== undefined) errors.push({ field: 'term', message: problem });
  }

  if (errors.length > 0 || organiser === undefined || attendee === undefined || earliestDate === undefined) {
    throw badInput(`The scheduling request is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
  return {
    organiser,
    attendee,
    cadence: cadence as Cadence,
    durationMinutes: duration as SessionMinutes,
    termStart: termStart as LocalDate,
    termEnd: termEnd as LocalDate,
    earliestDate,
    now,
  };
}

function termTooShort(earliest: LocalDate, termEnd: LocalDate, organiser: ResolvedParticipant): string | undefined {
  if (earliest > termEnd) {
    return `the term ends on ${formatLocalDate(termEnd)}, before the earliest possible first session on ${formatLocalDate(earliest)}`;
  }
  for (let d = earliest; d <= termEnd; d = addDays(d, 1)) {
    if (organiser.hours.days[isoWeekday(d)]) return undefined;
  }
  return `from ${formatLocalDate(earliest)} to ${formatLocalDate(termEnd)} there is none of ${organiser.label}'s working days, so not even one session fits`;
}

function resolveParticipant(person: Participant | undefined, field: string, errors: FieldError[]): ResolvedParticipant | undefined {
  if (person === null || typeof person !== 'object') {
    errors.push({ field, message: 'missing' });
    return undefined;
  }
  const label = typeof person.name === 'string' && person.name.trim() !== '' ? person.name.trim() : String(person.id);
  let zone: IanaZone | undefined;
  let hours: DailyHours | undefined;
  try {
    zone = toIanaZone(person.zone, `${field}.zone`);
  } catch (error) {
    errors.push(...fieldsOf(error));
  }
  try {
    const wh = person.workingHours;
    hours = resolveWorkingHours({ ...wh, zone: wh?.zone ?? person.zone }, `${field}.workingHours`);
  } catch (error) {
    errors.push(...fieldsOf(error));
  }
  const busy = resolveBusy(person.busy, `${field}.busy`, errors);
  if (zone === undefined || hours === undefined || busy === undefined) return undefined;
  return { id: String(person.id), label, zone, hours, busy };
}

function resolveBusy(busy: readonly Interval[] | undefined, field: string, errors: FieldError[]): Interval[] | undefined {
  if (!Array.isArray(busy)) {
    errors.push({ field, message: 'expected a list of {start, end} in epoch milliseconds' });
    return undefined;
  }
  let bad = 0;
  busy.forEach((x: Interval, i: number) => {
    const ok = x !== null && typeof x === 'object' && Number.isFinite(x.start) && Number.isFinite(x.end) && x.end >= x.start;
    // Report a few; a calendar with hundreds of broken items needs one message, not hundreds.
    if (!ok && bad++ < 3) errors.push({ field: `${field}[${i}]`, message: 'expected {start, end} in epoch milliseconds with end not before start' });
  });
  return bad > 0 ? undefined : mergeIntervals(busy);
}

function fieldsOf(error: unknown): readonly FieldError[] {
  const fields = (error as { fields?: readonly FieldError[] } | undefined)?.fields;
  if (fields && fields.length > 0) return fields;
  throw error;
}
