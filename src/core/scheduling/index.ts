/** The scheduling core's public surface: find a recurring time for a mentoring pair. */
export { findSeriesSlot } from './search.ts';
export { inconvenience, EDGE_MINUTES, LUNCH_START_MINUTE, LUNCH_END_MINUTE } from './fairness.ts';
export { seriesDates, monthlyIndexOf, nthWeekdayOfMonth } from './series.ts';
export { compareRanks } from './candidates.ts';
export { pairAvailability, type PairAvailability } from './availability.ts';
export { resolveRequest, type ResolvedRequest, type ResolvedParticipant } from './validate-request.ts';
export type * from './types.ts';
export { CADENCES, SESSION_MINUTES } from './types.ts';
