import { DAY_MS, type IanaZone } from '../time.ts';
import { clipIntervals, interval, intersectIntervals, subtractIntervals, type Interval } from '../time/intervals.ts';
import { addDays } from '../time/local-date.ts';
import { expandWorkingHours } from '../time/working-hours.ts';
import { wallOf, wallToEpoch, zoneTimeline, type ZoneTimeline } from '../time/zone-timeline.ts';
import type { ResolvedParticipant, ResolvedRequest } from './validate-request.ts';

/**
 * Everything the series search reads, computed once per request: each person's free time within
 * working hours, the time both are free, and the zone tables the hot loop uses instead of a
 * zone library.
 */
export interface PairAvailability {
  /** From the later of `now` and the term's first local midnight to the midnight after its last day. */
  readonly range: Interval;
  /** Zone tables: the series (organiser's) zone and each person's working-hours zone. */
  readonly seriesTimeline: ZoneTimeline;
  readonly organiserHoursTimeline: ZoneTimeline;
  readonly attendeeHoursTimeline: ZoneTimeline;
  readonly organiserWorking: Interval[];
  readonly attendeeWorking: Interval[];
  readonly organiserFree: Interval[];
  readonly attendeeFree: Interval[];
  /** Within both people's working hours: the upper bound on anything the search can find. */
  readonly sharedWorking: Interval[];
  /** Free for both: a session is possible exactly where it fits inside one of these. */
  readonly jointFree: Interval[];
}

/** Builds the pair's availability for a checked request. */
export function pairAvailability(request: ResolvedRequest): PairAvailability {
  const { organiser, attendee } = request;
  // Zone tables cover whole years around the term; a day's margin handles any UTC offset.
  const roughFrom = request.termStart * DAY_MS - DAY_MS;
  const roughTo = addDays(request.termEnd, 2) * DAY_MS;
  const timelines = new Map<IanaZone, ZoneTimeline>();
  const timelineOf = (zone: IanaZone): ZoneTimeline => {
    let tl = timelines.get(zone);
    if (!tl) timelines.set(zone, (tl = zoneTimeline(zone, roughFrom, roughTo)));
    return tl;
  };
  const seriesTimeline = timelineOf(organiser.zone);
  const termStartMs = wallToEpoch(seriesTimeline, wallOf(request.termStart, 0));
  const termEndMs = wallToEpoch(seriesTimeline, wallOf(addDays(request.termEnd, 1), 0));
  const range = interval(Math.max(termStartMs, request.now), termEndMs);

  const organiserHoursTimeline = timelineOf(organiser.hours.zone);
  const attendeeHoursTimeline = timelineOf(attendee.hours.zone);
  const organiserWorking = expandWorkingHours(organiser.hours, range, organiserHoursTimeline);
  const attendeeWorking = expandWorkingHours(attendee.hours, range, attendeeHoursTimeline);
  const organiserFree = freeTime(organiserWorking, organiser, range);
  const attendeeFree = freeTime(attendeeWorking, attendee, range);
  return {
    range,
    seriesTimeline,
    organiserHoursTimeline,
    attendeeHoursTimeline,
    organiserWorking,
    attendeeWorking,
    organiserFree,
    attendeeFree,
    sharedWorking: intersectIntervals(organiserWorking, attendeeWorking),
    jointFree: intersectIntervals(organiserFree, attendeeFree),
  };
}

function freeTime(working: Interval[], person: ResolvedParticipant, range: Interval): Interval[] {
  return subtractIntervals(working, clipIntervals(person.busy, range));
}
