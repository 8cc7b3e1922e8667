/**
 * How inconvenient a meeting time is for one person, from their own working day. Both people's
 * inconvenience is added, and the distance term is squared, so a time that costs each a little
 * beats one that is perfect for one and awkward for the other: a London–Bangalore pair should
 * not always meet at the very start of one of their days just because it is free.
 */

/** The first and last half hour of a working day are for arriving and wrapping up. */
export const EDGE_MINUTES = 30;
export const EDGE_PENALTY = 0.5;
/** Lunch, local time: 12:00–13:30. */
export const LUNCH_START_MINUTE = 12 * 60;
export const LUNCH_END_MINUTE = 13 * 60 + 30;
export const LUNCH_PENALTY = 0.5;
/** Caps the distance term for times outside working hours (possible only at clashing dates). */
const MAX_DISTANCE = 2;

export interface DayBounds {
  readonly startMinute: number;
  readonly endMinute: number;
}

/**
 * Inconvenience (≥ 0, lower is better) of a meeting starting at `startMinute` local time and
 * lasting `durationMinutes`, for a person whose working day is `day`:
 * (distance of the meeting's centre from the centre of their day, in half-days)²
 * + `EDGE_PENALTY` for touching the first or last half hour + `LUNCH_PENALTY` for touching lunch.
 */
export function inconvenience(startMinute: number, durationMinutes: number, day: DayBounds): number {
  const end = startMinute + durationMinutes;
  const half = (day.endMinute - day.startMinute) / 2;
  const centre = day.startMinute + half;
  const distance = Math.min(MAX_DISTANCE, Math.abs(startMinute + durationMinutes / 2 - centre) / half);
  let score = distance * distance;
  if (startMinute < day.startMinute + EDGE_MINUTES && end > day.startMinute) score += EDGE_PENALTY;
  if (end > day.endMinute - EDGE_MINUTES && startMinute < day.endMinute) score += EDGE_PENALTY;
  if (startMinute < LUNCH_END_MINUTE && end > LUNCH_START_MINUTE) score += LUNCH_PENALTY;
  return score;
}
