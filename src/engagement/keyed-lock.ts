/**
 * Runs tasks one at a time per key within this process. A session message is checked against the
 * sent-messages record and then sent; a timed job and a program admin's "send it now" for the same
 * message (or two quick clicks) must not both pass the check before either has recorded its send.
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
