import { DAY_MS, MINUTE_MS } from '../time.ts';
import { formatClockTime } from '../time/clock-time.ts';
import { totalDuration, type Interval } from '../time/intervals.ts';
import { addDays, dateParts, isoWeekday, localDate, type LocalDate } from '../time/local-date.ts';
import { epochToWall, minuteOfDayAt, wallOf, wallToEpoch } from '../time/zone-timeline.ts';
import { zoneLabel } from '../time/zones.ts';
import type { PairAvailability } from './availability.ts';
import { formatDay } from './explain.ts';
import type { NoSlot } from './types.ts';
import type { ResolvedParticipant, ResolvedRequest } from './validate-request.ts';

const who = (p: ResolvedParticipant): string => `${p.label} (${p.zone})`;
const hoursText = (p: ResolvedParticipant): string =>
  `${formatClockTime(p.hours.startMinute)}–${formatClockTime(p.hours.endMinute)}`;

/** The longest interval of a canonical list, in milliseconds. */
export function longest(list: readonly Interval[]): number {
  let max = 0;
  for (const x of list) if (x.end - x.start > max) max = x.end - x.start;
  return max;
}

/**
 * The pair's working days never overlap by a whole session. Says how the attendee's day looks on
 * the organiser's clock, which is what makes the gap obvious ("09:00–17:00 in St Johns is
 * 23:45–07:45 in Kathmandu").
 */
export function noSharedHours(request: ResolvedRequest, availability: PairAvailability): NoSlot {
  const { organiser, attendee, durationMinutes } = request;
  const sharedMinutes = Math.floor(longest(availability.sharedWorking) / MINUTE_MS);
  const lead =
    sharedMinutes === 0
      ? `${who(organiser)} and ${who(attendee)} share no working hours`
      : `${who(organiser)} and ${who(attendee)} share at most ${sharedMinutes} minutes of working time a day, less than the ${durationMinutes}-minute session`;
  return { kind: 'no-slot', code: 'no-shared-working-hours', reason: `${lead}: ${dayOnOtherClock(request, availability)}.` };
}

function dayOnOtherClock(request: ResolvedRequest, availability: PairAvailability): string {
  const { organiser, attendee } = request;
  const tl = availability.attendeeHoursTimeline;
  // A working day of the attendee's inside the term, so the offsets shown are the term's.
  let date: LocalDate = localDate(Math.floor(epochToWall(tl, availability.range.start) / DAY_MS) + 1);
  for (let i = 0; i < 7 && !attendee.hours.days[isoWeekday(date)]; i++) date = addDays(date, 1);
  const from = wallToEpoch(tl, wallOf(date, attendee.hours.startMinute));
  const to = wallToEpoch(tl, wallOf(date, attendee.hours.endMinute));
  const otherTl = availability.organiserHoursTimeline;
  const there = `${formatClockTime(minuteOfDayAt(otherTl, from))}–${formatClockTime(minuteOfDayAt(otherTl, to))}`;
  return `${attendee.label}'s ${hoursText(attendee)} in ${zoneLabel(attendee.hours.zone)} is ${there} in ${zoneLabel(organiser.hours.zone)}, where ${organiser.label} works ${hoursText(organiser)}`;
}

/** Working hours overlap, but busy time leaves no session anywhere in the term. */
export function fullyBooked(request: ResolvedRequest, availability: PairAvailability): NoSlot {
  const { organiser, attendee, earliestDate, termEnd, cadence, durationMinutes } = request;
  const withYear = dateParts(earliestDate).year !== dateParts(termEnd).year;
  const span = `between ${formatDay(earliestDate, withYear)} and ${formatDay(termEnd, withYear)}`;
  const orgFree = totalDuration(availability.organiserFree) > 0;
  const attFree = totalDuration(availability.attendeeFree) > 0;
  let reason: string;
  if (!orgFree && !attFree) reason = `Neither ${who(organiser)} nor ${who(attendee)} has free time within working hours ${span}`;
  else if (!attFree) reason = `${who(attendee)} has no free time within working hours ${span}`;
  else if (!orgFree) reason = `${who(organiser)} has no free time within working hours ${span}`;
  else if (longest(availability.jointFree) < durationMinutes * MINUTE_MS) {
    reason = `${who(organiser)} and ${who(attendee)} are never both free for ${durationMinutes} minutes within their shared working hours ${span}`;
  } else {
    reason = `${who(organiser)} and ${who(attendee)} have only scattered shared free time ${span}: no ${cadence} ${durationMinutes}-minute time works on any of its dates, and no session could be moved nearby`;
  }
  return { kind: 'no-slot', code: 'fully-booked', reason: `${reason}.` };
}
