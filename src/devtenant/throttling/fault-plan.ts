import type { FaultSettings } from './fault-settings.ts';
import { compileRoutePattern, type RoutePattern } from './route-pattern.ts';
import { STREAM, hashKey, seededUnit } from './seeded-draw.ts';

/** What happens to one request after its latency. */
export type FaultOutcome =
  | { readonly kind: 'pass' }
  | { readonly kind: 'error'; readonly status: 429 | 500 | 502 | 503 | 504; readonly retryAfterSeconds: number | undefined; readonly cause: 'random' | 'nth' }
  | { readonly kind: 'timeout'; readonly afterMs: number; readonly outcome: 'gateway-timeout' | 'drop' };

/** The injected fate of one request. */
export interface Fate {
  /** The request's index in its sequence (1-based), or 0 when it is outside the faults' scope. */
  readonly k: number;
  readonly latencyMs: number;
  readonly outcome: FaultOutcome;
}

/** What the plan needs to know about a request. */
export interface FaultSubject {
  readonly method: string;
  /** Path relative to /v1.0 with `/me` spelled `/users/me`. */
  readonly path: string;
  /** The app + mailbox key (the throttling key). */
  readonly key: string;
  /** Whether the request is within `scope` (random faults and latency). */
  readonly inScope: boolean;
}

const PASS: FaultOutcome = { kind: 'pass' };

/**
 * Decides each request's fate from the settings. Random faults: the k-th request of a sequence
 * (per app + mailbox, or global) draws from seededUnit(seed, stream, key, k), so its fate depends
 * only on the seed and k. Nth rules count every matching request, whatever its scope. A fresh plan
 * (new settings) restarts every count.
 */
export class FaultPlan {
  readonly settings: FaultSettings;
  readonly #rules: readonly { rule: FaultSettings['nth'][number]; pattern: RoutePattern }[];
  readonly #ruleCounts: number[];
  readonly #sequences = new Map<string, number>();

  constructor(settings: FaultSettings) {
    this.settings = settings;
    this.#rules = settings.nth.map((rule) => ({ rule, pattern: compileRoutePattern(rule.route) }));
    this.#ruleCounts = settings.nth.map(() => 0);
  }

  /** Numbers the request and decides its latency and outcome (call once per request, on arrival). */
  decide(subject: FaultSubject): Fate {
    const nth = this.#nthOutcome(subject);
    if (!subject.inScope) return { k: 0, latencyMs: 0, outcome: nth ?? PASS };
    const { seed, sequence, latency, errors, timeout } = this.settings;
    const sequenceKey = sequence === 'global' ? '' : subject.key;
    const k = (this.#sequences.get(sequenceKey) ?? 0) + 1;
    this.#sequences.set(sequenceKey, k);
    const keyHash = sequence === 'global' ? 0 : hashKey(subject.key);

    const latencyMs = latency.fixedMs + (latency.jitterMs > 0 ? Math.floor(seededUnit(seed, STREAM.latency, keyHash, k) * (latency.jitterMs + 1)) : 0);
    if (nth) return { k, latencyMs, outcome: nth };
    const u = seededUnit(seed, STREAM.error, keyHash, k);
    const random = (status: 429 | 503 | 504): FaultOutcome => ({ kind: 'error', status, retryAfterSeconds: errors.retryAfterSeconds, cause: 'random' });
    if (u < errors.rate429) return { k, latencyMs, outcome: random(429) };
    if (u < errors.rate429 + errors.rate503) return { k, latencyMs, outcome: random(503) };
    if (u < errors.rate429 + errors.rate503 + errors.rate504) return { k, latencyMs, outcome: random(504) };
    if (timeout.rate > 0 && seededUnit(seed, STREAM.timeout, keyHash, k) < timeout.rate) {
      return { k, latencyMs, outcome: { kind: 'timeout', afterMs: timeout.afterMs, outcome: timeout.outcome } };
    }
    return { k, latencyMs, outcome: PASS };
  }

  /** Counts the request against every nth rule it matches; the first rule that fires wins. */
  #nthOutcome(subject: FaultSubject): FaultOutcome | undefined {
    let fired: FaultOutcome | undefined;
    this.#rules.forEach(({ rule, pattern }, i) => {
      if (!pattern.matches(subject.method, subject.path)) return;
      const count = ++this.#ruleCounts[i]!;
      const fires = rule.repeat ? count % rule.n === 0 : count === rule.n;
      if (fires && !fired) {
        fired = { kind: 'error', status: rule.status, retryAfterSeconds: rule.retryAfterSeconds ?? this.settings.errors.retryAfterSeconds, cause: 'nth' };
      }
    });
    return fired;
  }
}
