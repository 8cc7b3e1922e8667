import type { CohortStartResponse, RunListResponse, RunPairsResponse, RunProgress } from '../../contracts/scheduling-runs.ts';
import type { Caller } from './caller.ts';

/** Cohort scheduling (program admins). */
export const schedulingApi = {
  /** Books every published pair of the program's current cycle; the same cycle again returns its run. */
  start: (call: Caller, programId: string) => call<CohortStartResponse>('POST', `/programs/${encodeURIComponent(programId)}/schedule`, {}),
  runs: async (call: Caller, programId: string, signal?: AbortSignal) =>
    (await call<RunListResponse>('GET', `/scheduling/runs?programId=${encodeURIComponent(programId)}`, undefined, signal)).runs,
  run: (call: Caller, runId: string, signal?: AbortSignal) => call<RunProgress>('GET', `/scheduling/runs/${encodeURIComponent(runId)}`, undefined, signal),
  pairs: async (call: Caller, runId: string, signal?: AbortSignal) =>
    (await call<RunPairsResponse>('GET', `/scheduling/runs/${encodeURIComponent(runId)}/pairs`, undefined, signal)).pairs,
};
