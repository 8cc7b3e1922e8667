import type { Caller } from './caller.ts';
import type { ParticipationSummary } from './participation-types.ts';

/** The signed-in manager's org in counts only. */
export const participationApi = {
  summary: (call: Caller, signal?: AbortSignal) => call<ParticipationSummary>('GET', '/participation', undefined, signal),
};
