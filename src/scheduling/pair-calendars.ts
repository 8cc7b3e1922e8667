import { UpwardError } from '../core/errors.ts';
import type { Interval } from '../core/time/intervals.ts';
import type { WorkingHoursInput } from '../core/time/working-hours.ts';
import { readMailboxWorkingHours } from '../graph/mailbox-working-hours.ts';
import { readScheduleItems } from '../graph/schedule-items.ts';
import type { BookingPerson, BookingRecord } from '../store/bookings.ts';
import type { GraphContext } from './graph-context.ts';
import { busyWithoutOwnSessions } from './session-clashes.ts';

/** One side of a booked pair right now: working week and busy time, the pair's own sessions left out. */
export interface PersonNow {
  readonly person: BookingPerson;
  readonly hours: WorkingHoursInput;
  readonly busy: readonly Interval[];
}

/**
 * Reads both people's calendars over `[from, to)` with getSchedule (one request for up to 62
 * days), keeping items apart so the pair's own sessions can be told from new meetings.
 */
export async function readPairNow(ctx: GraphContext, b: BookingRecord, from: number, to: number): Promise<{ organiser: PersonNow; attendee: PersonNow }> {
  const read = await readScheduleItems(ctx.client, { mailboxes: [b.organiser.mailbox, b.attendee.mailbox], from, to }, ctx.batch);
  const side = async (person: BookingPerson): Promise<PersonNow> => {
    const key = person.mailbox.toLowerCase();
    const failed = read.failed.get(key);
    if (failed !== undefined) throw new UpwardError('upstream', `Microsoft Graph cannot read the calendar of ${person.name} (${person.mailbox}): ${failed}`);
    const hours = read.workingHours.get(key) ?? (await readMailboxWorkingHours(ctx.client, [key], ctx.batch)).get(key);
    if (hours === undefined) throw new UpwardError('upstream', `${person.name} (${person.mailbox}) has no working hours in their mailbox settings`);
    return { person, hours, busy: busyWithoutOwnSessions(read.items.get(key) ?? [], b.occurrences) };
  };
  return { organiser: await side(b.organiser), attendee: await side(b.attendee) };
}
