/**
 * Runs tasks one at a time per key within this process only. Sending a message once needs no lock:
 * the proactive sender claims each message key in the store, across app instances. This is for
 * in-process read-check-write steps that have no claim of their own.
 */
export interface KeyedLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function keyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run(key, task) {
      const before = tails.get(key) ?? Promise.resolve();
      const mine = before.then(() => task());
      // Whatever the task does, the next one for the key waits only for it to settle.
      const settled = mine.then(() => undefined, () => undefined);
      tails.set(key, settled);
      try {
        return await mine;
      } finally {
        if (tails.get(key) === settled) tails.delete(key);
      }
    },
  };
}
