/**
 * A small in-process cache of promises with a time to live, for read models that may be a few
 * seconds or minutes old (dashboards, org charts). Concurrent callers of one key share one load;
 * a failed load is dropped at once so the next caller tries again; the oldest entry goes when
 * `maxEntries` is passed, so memory stays bounded whatever the number of keys.
 */
export type TtlCache<T> = (key: string, load: () => Promise<T>) => Promise<T>;

export function ttlCache<T>(ttlMs: number, clock: () => number, maxEntries: number): TtlCache<T> {
  const entries = new Map<string, { readonly at: number; readonly value: Promise<T> }>();
  return (key, load) => {
    if (ttlMs <= 0) return load();
    const hit = entries.get(key);
    if (hit !== undefined && clock() - hit.at < ttlMs) return hit.value;
    entries.delete(key);
    const value = load();
    entries.set(key, { at: clock(), value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  };
}
