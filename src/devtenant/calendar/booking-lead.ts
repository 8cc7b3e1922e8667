import { MS_PER_DAY } from './civil.ts';
import { hash32 } from './seeded-random.ts';

/**
 * How long before its date each generated one-off item was put in the calendar. Real calendars
 * fill as their days come nearer: recurring series and holiday weeks are there months ahead, but
 * most one-off meetings are booked within a week or two of taking place, focus time is blocked a
 * fortnight ahead at most, and a sick day is known only that morning. A calendar read today
 * therefore looks busy for the next days and thins out weeks ahead; as the clock moves on, items
 * appear (the later clashes Upward's re-check job exists for).
 */
export type BookingLead = 'meeting' | 'focus' | 'private' | 'dayOff';

/** Mean lead (days) of one-off meetings and invitations: exponential, most within two weeks. */
const MEETING_MEAN_DAYS = 7;
/** Private appointments (doctor, bank) are made a little further ahead. */
const PRIVATE_MEAN_DAYS = 10;
/** Focus time is blocked at most this far ahead (as assistants that book it do). */
const FOCUS_MAX_DAYS = 14;
/** Nothing one-off is booked further ahead than this. */
const MAX_LEAD_DAYS = 90;

/**
 * The instant an item of `kind` starting at `startMs` became visible. Drawn from its own hash
 * (not the week's random stream), so adding leads did not change which items a seed generates.
 */
export function visibleFrom(seed: number, itemId: string, kind: BookingLead, startMs: number): number {
  const u = hash32(seed, `lead|${itemId}`) / 4294967296;
  return startMs - leadDays(kind, u) * MS_PER_DAY;
}

/** The lead in days for a uniform draw `u` in [0, 1). */
export function leadDays(kind: BookingLead, u: number): number {
  switch (kind) {
    case 'meeting':
      return Math.min(MAX_LEAD_DAYS, -MEETING_MEAN_DAYS * Math.log(1 - u));
    case 'private':
      return Math.min(MAX_LEAD_DAYS, -PRIVATE_MEAN_DAYS * Math.log(1 - u));
    case 'focus':
      return u * FOCUS_MAX_DAYS;
    case 'dayOff':
      // Half are sick days or short-notice leave (known up to two days before), half planned 1–8 weeks ahead.
      return u < 0.5 ? u * 4 : 7 + (u - 0.5) * 2 * 49;
  }
}
