import { useCallback, useEffect, useState } from 'react';
import { searchWithView, viewFromSearch, type ViewName } from './view-name.ts';

/** What {@link useView} returns. */
export interface ViewState {
  readonly view: ViewName;
  /** Shows `view` and records it in the address (a new history entry, so Back works). */
  readonly go: (view: ViewName) => void;
  /** Shows `view` in place of the current entry (used when the current one is not allowed). */
  readonly replace: (view: ViewName) => void;
}

const urlFor = (view: ViewName): string =>
  `${window.location.pathname}${searchWithView(window.location.search, view)}${window.location.hash}`;

/** The current view, kept in step with `?view=` and the browser's Back and Forward. */
export function useView(): ViewState {
  const [view, setView] = useState<ViewName>(() => viewFromSearch(window.location.search));

  useEffect(() => {
    const onPop = (): void => setView(viewFromSearch(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const go = useCallback((next: ViewName) => {
    if (next === viewFromSearch(window.location.search)) return;
    window.history.pushState(null, '', urlFor(next));
    setView(next);
  }, []);

  const replace = useCallback((next: ViewName) => {
    window.history.replaceState(null, '', urlFor(next));
    setView(next);
  }, []);

  return { view, go, replace };
}
