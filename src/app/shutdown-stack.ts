import type { Logger } from 'pino';

/**
 * What the composition root started, stopped in reverse: each thing is stopped before whatever it
 * was started on (the job queue before the store, the store before the development tenant, the
 * HTTP server last). A failure to stop one is logged and the rest still stop.
 */
export class ShutdownStack {
  readonly #log: Logger;
  readonly #stops: Array<() => Promise<void>> = [];
  #closed: Promise<void> | undefined;

  constructor(log: Logger) {
    this.#log = log;
  }

  /** Registers how to stop something that has just started. */
  onClose(stop: () => Promise<void>): void {
    this.#stops.push(stop);
  }

  /** Stops everything registered, last started first; calling it again waits for the same stop. */
  close(): Promise<void> {
    return (this.#closed ??= this.#stopAll());
  }

  async #stopAll(): Promise<void> {
    for (const stop of this.#stops.reverse()) await stop().catch((error: unknown) => this.#log.error({ err: error }, 'error while closing'));
  }
}
