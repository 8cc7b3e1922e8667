import { useCallback, useEffect, useState } from 'react';

/** The state of one load: waiting, the value, or the error. */
export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Runs `load` when `key` changes (and on `reload`), aborting the previous run. Keeps the last value
 * while reloading so the page does not jump back to a skeleton after every action.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): { state: Loaded<T>; reload: () => void; set: (value: T) => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).then(
      (value) => {
        if (!abort.signal.aborted) setState({ status: 'loaded', value });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => abort.abort();
    // `load` is a fresh closure every render; `key` says when it means something new.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const set = useCallback((value: T) => setState({ status: 'loaded', value }), []);
  return { state, reload, set };
}
