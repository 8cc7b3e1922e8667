import { useCallback, useEffect, useState } from 'react';
import type { Caller } from '../../api/caller.ts';
import { schedulingApi } from '../../api/scheduling-api.ts';
import type { PairResult, RunProgress } from '../../../contracts/scheduling-runs.ts';

/** The program's latest scheduling run and its pairs' results, polled while it runs. */
export interface ScheduleRun {
  readonly loading: boolean;
  readonly error: unknown;
  readonly progress: RunProgress | undefined;
  readonly pairs: readonly PairResult[];
  readonly show: (progress: RunProgress) => void;
}

const POLL_MS = 500;
const finished = (p: RunProgress | undefined) => p === undefined || p.status === 'done' || p.status === 'failed';

/** Loads the latest run of the program; while it is queued or running, polls its progress and pair list. */
export function useScheduleRun(call: Caller, programId: string): ScheduleRun {
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [progress, setProgress] = useState<RunProgress | undefined>(undefined);
  const [pairs, setPairs] = useState<readonly PairResult[]>([]);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    schedulingApi.runs(call, programId, abort.signal).then(
      (runs) => {
        if (abort.signal.aborted) return;
        setProgress(runs.at(-1));
        setLoading(false);
      },
      (cause: unknown) => {
        if (abort.signal.aborted) return;
        setError(cause);
        setLoading(false);
      },
    );
    return () => abort.abort();
  }, [call, programId]);

  const runId = progress?.runId;
  const polling = !finished(progress);
  useEffect(() => {
    if (runId === undefined) return undefined;
    const abort = new AbortController();
    const refresh = async () => {
      const [next, results] = await Promise.all([schedulingApi.run(call, runId, abort.signal), schedulingApi.pairs(call, runId, abort.signal)]);
      if (abort.signal.aborted) return;
      setProgress(next);
      setPairs(results);
      if (polling) setTick((t) => t + 1);
    };
    const timer = polling ? setTimeout(() => void refresh().catch(setError), POLL_MS) : undefined;
    if (!polling) void refresh().catch(setError);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [call, runId, polling, tick]);

  const show = useCallback((p: RunProgress) => setProgress(p), []);
  return { loading, error, progress, pairs, show };
}
