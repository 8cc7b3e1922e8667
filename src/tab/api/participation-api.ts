import type { ParticipationSummary } from '../../contracts/participation.ts';
import type { Caller } from './caller.ts';

/** The signed-in manager's org in counts only. */
export const participationApi = {
  summary: (call: Caller, signal?: AbortSignal) => call<ParticipationSummary>('GET', '/participation', undefined, signal),
};
