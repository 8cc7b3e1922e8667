import type { RateWindow } from './connector-settings.ts';

/** The outcome of asking to admit one request under a key's windows. */
export type WindowAdmission = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/**
 * Sliding-window limits per key: the times of admitted requests are kept (as far back as the
 * longest window), and a request is admitted while every window holds fewer than its limit.
 * A refused request is not counted, so a caller that waits Retry-After gets in.
 */
export class WindowLimiter {
  readonly #admitted = new Map<string, number[]>();

  /** Whether `key` has room under `windows` at `nowMs` (without taking it); how long until it has, if not. */
  check(key: string, windows: readonly RateWindow[], nowMs: number): WindowAdmission {
    const times = this.#prune(key, windows, nowMs);
    let waitMs = 0;
    for (const w of windows) {
      const inWindow = countSince(times, nowMs - w.windowMs);
      if (inWindow >= w.requests) {
        // The (inWindow - requests + 1)-th oldest request in the window must leave it first.
        const leaving = times[times.length - inWindow + (inWindow - w.requests)]!;
        waitMs = Math.max(waitMs, leaving + w.windowMs - nowMs);
      }
    }
    return waitMs > 0 ? { ok: false, retryAfterMs: waitMs } : { ok: true };
  }

  /** Counts a request for `key` at `nowMs`. */
  record(key: string, nowMs: number): void {
    const times = this.#admitted.get(key);
    if (times) times.push(nowMs);
    else this.#admitted.set(key, [nowMs]);
  }

  reset(): void {
    this.#admitted.clear();
  }

  #prune(key: string, windows: readonly RateWindow[], nowMs: number): readonly number[] {
    const times = this.#admitted.get(key);
    if (!times) return [];
    const longest = windows.reduce((max, w) => Math.max(max, w.windowMs), 0);
    let drop = 0;
    while (drop < times.length && times[drop]! <= nowMs - longest) drop++;
    if (drop > 0) times.splice(0, drop);
    if (times.length === 0) this.#admitted.delete(key);
    return times;
  }
}

/** How many of the ascending `times` are after `since`. */
function countSince(times: readonly number[], since: number): number {
  let count = 0;
  for (let i = times.length - 1; i >= 0 && times[i]! > since; i--) count++;
  return count;
}
