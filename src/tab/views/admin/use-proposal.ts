import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { Caller } from '../../api/caller.ts';
import type { ProposalView } from '../../../contracts/matching.ts';
import { adminApi } from '../../api/programs-api.ts';

/** The proposal of a program: none yet, loading, or the latest, polled while a run is going. */
export type ProposalState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'loaded'; readonly proposal: ProposalView };

const POLL_MS = 700;

/**
 * Loads the program's proposal and, while it is `running`, asks again every {@link POLL_MS} ms
 * until the matcher is done. `show` takes an answer from an action (run, edit) as the new state.
 */
export function useProposal(call: Caller, programId: string): { state: ProposalState; show: (p: ProposalView) => void; reload: () => void } {
  const [state, setState] = useState<ProposalState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    adminApi.proposal(call, programId, abort.signal).then(
      (proposal) => !abort.signal.aborted && setState({ status: 'loaded', proposal }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState(error instanceof ApiError && error.status === 404 ? { status: 'none' } : { status: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [call, programId, tick]);

  const running = state.status === 'loaded' && state.proposal.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    timer.current = setTimeout(() => setTick((t) => t + 1), POLL_MS);
    return () => clearTimeout(timer.current);
  }, [running, state]);

  const show = useCallback((proposal: ProposalView) => setState({ status: 'loaded', proposal }), []);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { state, show, reload };
}
