import { GraphError } from '../graph-error.ts';
import { MS_PER_DAY } from './civil.ts';
import type { ParsedDateTime } from './date-time-input.ts';
import { invalidRequest } from './errors.ts';
import type { MeetingTime } from './meeting.ts';
import { firstOccurrenceDay } from './recurrence.ts';
import type { StoredRecurrence } from './recurrence-input.ts';
import { utcToWall, wallToUtc } from './zones.ts';

/** Exchange refuses items longer than five years. */
const MAX_DURATION_MS = 5 * 366 * MS_PER_DAY;

/** Checks start/end (and all-day rules) and returns the stored time. */
export function checkTime(start: ParsedDateTime, end: ParsedDateTime, isAllDay: boolean): MeetingTime {
  if (end.ms < start.ms) throw new GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date is earlier than the start date.');
  if (end.ms - start.ms > MAX_DURATION_MS) throw new GraphError(400, 'ErrorCalendarDurationIsTooLong', 'The duration of the calendar item is too long.');
  if (isAllDay && (start.wallMs % MS_PER_DAY !== 0 || end.wallMs % MS_PER_DAY !== 0 || end.ms === start.ms)) {
    throw invalidRequest('An all-day event must start and end at midnight and last at least one day.');
  }
  return { startMs: start.ms, endMs: end.ms, startZone: start.zone, endZone: end.zone };
}

/** Local date of the start as the client wrote it (what range.startDate must equal). */
export function startLocalDay(start: { wallMs: number }): number {
  return Math.floor(start.wallMs / MS_PER_DAY);
}

/**
 * A series begins at its first occurrence: when the start date does not fit the pattern (a
 * weekly-on-Monday series given a Sunday start), Exchange moves the series to the first matching
 * date, keeping the time of day.
 */
export function alignToFirstOccurrence(time: MeetingTime, recurrence: StoredRecurrence): MeetingTime {
  const first = firstOccurrenceDay(recurrence.rule);
  if (first === undefined) throw new GraphError(400, 'ErrorRecurrenceHasNoOccurrence', 'The recurrence pattern has no occurrence in its range.');
  const zone = recurrence.zone.iana;
  const wall = utcToWall(zone, time.startMs);
  const day = Math.floor(wall / MS_PER_DAY);
  if (day === first) return time;
  const startMs = wallToUtc(zone, first * MS_PER_DAY + (wall - day * MS_PER_DAY));
  return { ...time, startMs, endMs: startMs + (time.endMs - time.startMs) };
}
