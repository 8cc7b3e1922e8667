import type { ThrottleSettings } from './throttle-settings.ts';

/** The outcome of asking to start a request against one app + mailbox. */
export type Admission =
  | { readonly ok: true; readonly inFlight: number; release(): void }
  | { readonly ok: false; readonly reason: 'concurrency' | 'rate'; readonly retryAfterSeconds: number };

interface KeyState {
  inFlight: number;
  windowStartMs: number;
  admittedInWindow: number;
}

/**
 * Per app + mailbox admission: at most `concurrency` requests in flight and `requests` admitted
 * per fixed window of `windowMs` (the window opens with the key's first request, so a test's
 * count is exact). A refused request is not counted. With `enabled` false it never refuses but
 * still counts in-flight requests, which the stats report.
 */
export class MailboxLimiter {
  #settings: ThrottleSettings;
  readonly #keys = new Map<string, KeyState>();

  constructor(settings: ThrottleSettings) {
    this.#settings = settings;
  }

  get settings(): ThrottleSettings {
    return this.#settings;
  }

  /** New limits apply from the next request; in-flight counts and open windows are kept. */
  configure(settings: ThrottleSettings): void {
    this.#settings = settings;
  }

  admit(key: string, nowMs: number): Admission {
    const s = this.#settings;
    let state = this.#keys.get(key);
    if (!state) {
      state = { inFlight: 0, windowStartMs: nowMs, admittedInWindow: 0 };
      this.#keys.set(key, state);
    }
    if (nowMs - state.windowStartMs >= s.windowMs || nowMs < state.windowStartMs) {
      state.windowStartMs = nowMs;
      state.admittedInWindow = 0;
    }
    if (s.enabled && state.inFlight >= s.concurrency) {
      return { ok: false, reason: 'concurrency', retryAfterSeconds: s.concurrencyRetryAfterSeconds };
    }
    if (s.enabled && state.admittedInWindow >= s.requests) {
      const leftMs = state.windowStartMs + s.windowMs - nowMs;
      return { ok: false, reason: 'rate', retryAfterSeconds: Math.max(1, Math.ceil(leftMs / 1000)) };
    }
    state.inFlight++;
    state.admittedInWindow++;
    const held = state;
    let released = false;
    return {
      ok: true,
      inFlight: held.inFlight,
      release: () => {
        if (released) return;
        released = true;
        held.inFlight--;
      },
    };
  }
}
