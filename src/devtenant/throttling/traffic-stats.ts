/** Counters of one app + mailbox, as `GET /_devtenant/stats` reports them. */
export interface MailboxStats {
  readonly appId: string;
  /** The owner's object id (or the URL segment when no such user exists). */
  readonly mailbox: string;
  readonly upn: string | undefined;
  /** Requests that reached the throttling stage. */
  requests: number;
  /** Requests admitted (not refused by the limiter). */
  admitted: number;
  throttledConcurrency: number;
  throttledRate: number;
  /** Requests that got an injected fault (error or timeout). */
  faulted: number;
  /** The most requests in flight at once, as the limiter saw them. */
  maxConcurrent: number;
  inFlight: number;
}

/** Counts of injected faults by kind. */
export interface FaultCounts {
  delayed: number;
  status429: number;
  status500: number;
  status502: number;
  status503: number;
  status504: number;
  timeouts: number;
  drops: number;
}

/** The whole report. */
export interface TrafficStatsReport {
  /** When counting started (start or last reset), ISO. */
  readonly since: string;
  /** Every Graph request that reached the stage, mailbox or not ($batch itself excluded). */
  readonly requests: number;
  readonly throttled: number;
  readonly faults: FaultCounts;
  readonly mailboxes: readonly MailboxStats[];
}

const noFaults = (): FaultCounts => ({ delayed: 0, status429: 0, status500: 0, status502: 0, status503: 0, status504: 0, timeouts: 0, drops: 0 });

/** Mutable counters behind the report. */
export class TrafficStats {
  #since: Date;
  #requests = 0;
  #throttled = 0;
  #faults = noFaults();
  readonly #mailboxes = new Map<string, MailboxStats>();

  constructor(now: Date) {
    this.#since = now;
  }

  reset(now: Date): void {
    this.#since = now;
    this.#requests = 0;
    this.#throttled = 0;
    this.#faults = noFaults();
    // In-flight requests stay in flight; keep their counts so releases do not go negative.
    for (const [key, m] of this.#mailboxes) {
      if (m.inFlight === 0) this.#mailboxes.delete(key);
      else Object.assign(m, { requests: 0, admitted: 0, throttledConcurrency: 0, throttledRate: 0, faulted: 0, maxConcurrent: m.inFlight });
    }
  }

  /** Counts a request; returns its mailbox counters when it has a mailbox. */
  seen(key: string, appId: string, mailbox: string | undefined, upn: string | undefined): MailboxStats | undefined {
    this.#requests++;
    if (mailbox === undefined) return undefined;
    let m = this.#mailboxes.get(key);
    if (!m) {
      m = { appId, mailbox, upn, requests: 0, admitted: 0, throttledConcurrency: 0, throttledRate: 0, faulted: 0, maxConcurrent: 0, inFlight: 0 };
      this.#mailboxes.set(key, m);
    }
    m.requests++;
    return m;
  }

  throttled(m: MailboxStats | undefined, reason: 'concurrency' | 'rate'): void {
    this.#throttled++;
    if (!m) return;
    if (reason === 'concurrency') m.throttledConcurrency++;
    else m.throttledRate++;
  }

  admitted(m: MailboxStats | undefined, inFlight: number): void {
    if (!m) return;
    m.admitted++;
    m.inFlight++;
    if (inFlight > m.maxConcurrent) m.maxConcurrent = inFlight;
  }

  finished(m: MailboxStats | undefined): void {
    if (m && m.inFlight > 0) m.inFlight--;
  }

  fault(m: MailboxStats | undefined, kind: keyof FaultCounts): void {
    this.#faults[kind]++;
    if (m && kind !== 'delayed') m.faulted++;
  }

  report(): TrafficStatsReport {
    return {
      since: this.#since.toISOString(),
      requests: this.#requests,
      throttled: this.#throttled,
      faults: { ...this.#faults },
      mailboxes: [...this.#mailboxes.values()].map((m) => ({ ...m })),
    };
  }
}
