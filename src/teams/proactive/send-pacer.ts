import type { SenderClock } from './ports.ts';

/** `requests` per `windowMs`. */
export interface RateWindow {
  readonly requests: number;
  readonly windowMs: number;
}

/** The limits the sender keeps to, so the connector has no reason to answer 429. */
export interface PaceLimits {
  readonly perConversation: readonly RateWindow[];
  readonly perTenant: readonly RateWindow[];
  /**
   * Added to every window: requests leave in one order and may arrive in another, so keeping
   * exactly to the limit would now and then look like one request too many to the service.
   */
  readonly marginMs: number;
}

/** Teams' limits per bot: per conversation 7/1 s, 8/2 s, 60/30 s, 1800/hour; about 30/s per tenant. */
export const TEAMS_SEND_LIMITS: PaceLimits = {
  perConversation: [
    { requests: 7, windowMs: 1_000 },
    { requests: 8, windowMs: 2_000 },
    { requests: 60, windowMs: 30_000 },
    { requests: 1_800, windowMs: 3_600_000 },
  ],
  perTenant: [{ requests: 30, windowMs: 1_000 }],
  marginMs: 100,
};

/** A send's place under the limits; `done` once the connector has answered (or the call failed). */
export interface PaceSlot {
  readonly waitedMs: number;
  done(): void;
}

/** How often a sender waiting only on requests still in flight looks again. */
const IN_FLIGHT_POLL_MS = 20;

/**
 * Paces sends under sliding-window limits per conversation and per tenant: `acquire` waits until
 * one more send fits every window, then takes a slot. A slot counts from when the connector
 * *answered* (`done`), not from when the request left: the service counts a request when it
 * arrives, which is after it left and before it answered, so spacing answers-to-sends by the
 * window keeps the service's count within the limit however long requests take on the way
 * (a slow network, a busy server). One pacer serves every batch of the process, so concurrent
 * batches to one tenant share its rate. After a 429, `hold` keeps a key quiet for the time asked.
 */
export class SendPacer {
  readonly #limits: PaceLimits;
  readonly #clock: SenderClock;
  /** Per key, when each counted send was answered; Infinity while it is in flight. */
  readonly #slots = new Map<string, { at: number }[]>();
  readonly #heldUntil = new Map<string, number>();

  constructor(limits: PaceLimits, clock: SenderClock) {
    this.#limits = limits;
    this.#clock = clock;
  }

  /** Waits for room to send into `conversationId` of `tenantId` and takes it. */
  async acquire(tenantId: string, conversationId: string): Promise<PaceSlot> {
    const keys = [
      { key: `t|${tenantId}`, windows: this.#limits.perTenant },
      { key: `c|${tenantId}|${conversationId}`, windows: this.#limits.perConversation },
    ];
    const started = this.#clock.now();
    for (;;) {
      const now = this.#clock.now();
      const wait = Math.max(...keys.map(({ key, windows }) => this.#waitFor(key, windows, now)));
      if (wait <= 0) {
        const taken = keys.map(({ key }) => this.#take(key));
        let done = false;
        return {
          waitedMs: now - started,
          done: () => {
            if (done) return;
            done = true;
            const at = this.#clock.now();
            for (const slot of taken) slot.at = at;
          },
        };
      }
      await this.#clock.sleep(wait);
    }
  }

  /** Nothing more into this conversation before `untilMs` (its 429 said so). */
  holdConversation(tenantId: string, conversationId: string, untilMs: number): void {
    this.#hold(`c|${tenantId}|${conversationId}`, untilMs);
  }

  /** Nothing more to this tenant before `untilMs`. */
  holdTenant(tenantId: string, untilMs: number): void {
    this.#hold(`t|${tenantId}`, untilMs);
  }

  #hold(key: string, untilMs: number): void {
    this.#heldUntil.set(key, Math.max(this.#heldUntil.get(key) ?? 0, untilMs));
  }

  #waitFor(key: string, windows: readonly RateWindow[], now: number): number {
    let wait = (this.#heldUntil.get(key) ?? 0) - now;
    const slots = this.#prune(key, windows, now);
    for (const w of windows) {
      const span = w.windowMs + this.#limits.marginMs;
      const inWindow = slots.filter((s) => s.at > now - span).map((s) => s.at);
      if (inWindow.length < w.requests) continue;
      inWindow.sort((a, b) => a - b);
      // The (count - limit + 1)-th oldest must leave the window before one more fits.
      const leaving = inWindow[inWindow.length - w.requests]!;
      wait = Math.max(wait, leaving === Infinity ? IN_FLIGHT_POLL_MS : leaving + span - now);
    }
    return wait;
  }

  #take(key: string): { at: number } {
    const slot = { at: Infinity };
    const slots = this.#slots.get(key);
    if (slots) slots.push(slot);
    else this.#slots.set(key, [slot]);
    return slot;
  }

  #prune(key: string, windows: readonly RateWindow[], now: number): readonly { at: number }[] {
    const slots = this.#slots.get(key);
    if (!slots) return [];
    const longest = Math.max(0, ...windows.map((w) => w.windowMs + this.#limits.marginMs));
    const kept = slots.filter((s) => s.at > now - longest);
    if (kept.length === 0) {
      this.#slots.delete(key);
      if ((this.#heldUntil.get(key) ?? 0) <= now) this.#heldUntil.delete(key);
    } else if (kept.length !== slots.length) {
      this.#slots.set(key, kept);
    }
    return kept;
  }
}
