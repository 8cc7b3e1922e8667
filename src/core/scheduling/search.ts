import { MINUTE_MS } from '../time.ts';
import { pairAvailability } from './availability.ts';
import { bestCandidate } from './candidates.ts';
import { buildPlan } from './build-plan.ts';
import { slotStarts } from './nearby-slot.ts';
import { fullyBooked, longest, noSharedHours } from './no-slot.ts';
import type { SeriesRequest, SeriesResult } from './types.ts';
import { resolveRequest } from './validate-request.ts';

/**
 * Finds a recurring time for a pair: one local time in the organiser's zone (as Outlook keeps a
 * series), on one weekday, for every date of the cadence in the term.
 *
 * Every quarter hour of the organiser's working day, on each working weekday of the first week
 * (two weeks for biweekly), is scored over all its dates: fewest clashes first — each clashing
 * date gets its own nearby free slot as an exception — then fewest clashes that cannot be moved,
 * then the time that is fairest to both people (fairness.ts), then the earliest first session.
 *
 * Pure: `now`, zones and calendars are all in the request.
 * @returns the plan, or `no-slot` with a reason when working hours never overlap by a session's
 *   length or busy time leaves nothing to place.
 * @throws UpwardError `bad_input` naming each field at fault (zone, term, cadence, duration,
 *   working hours, busy items).
 */
export function findSeriesSlot(request: SeriesRequest): SeriesResult {
  const resolved = resolveRequest(request);
  const availability = pairAvailability(resolved);
  const durationMs = resolved.durationMinutes * MINUTE_MS;
  if (longest(availability.sharedWorking) < durationMs) return noSharedHours(resolved, availability);
  const starts = slotStarts(availability.jointFree, durationMs, availability.seriesTimeline);
  const best = bestCandidate(resolved, availability, starts);
  if (best === undefined || starts.lo.length === 0) return fullyBooked(resolved, availability);
  const plan = buildPlan(resolved, availability, starts, best);
  if (plan.unplaced === plan.occurrences.length) return fullyBooked(resolved, availability);
  return plan;
}
