/** The tab's views, as they appear in `?view=`. */
export type ViewName = 'personal' | 'admin' | 'participation';

export const VIEW_PARAM = 'view';

/** Reads `?view=`; anything unknown or missing is the personal view. */
export function viewFromSearch(search: string): ViewName {
  const value = new URLSearchParams(search).get(VIEW_PARAM);
  return value === 'admin' || value === 'participation' ? value : 'personal';
}

/** The query string for `view`, keeping every other parameter (`host`, `theme`, ...). */
export function searchWithView(search: string, view: ViewName): string {
  const params = new URLSearchParams(search);
  if (view === 'personal') params.delete(VIEW_PARAM);
  else params.set(VIEW_PARAM, view);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
