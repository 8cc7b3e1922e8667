/**
 * Runs `work(i)` for i in [0, count) with at most `concurrency` at once. The first error stops
 * new work from starting; it is rethrown once the work already running has settled, so nothing
 * is left running behind the caller's back.
 */
export async function runPool(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < count) {
      const index = next++;
      try {
        await work(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
  if (failure !== undefined) throw failure.error;
}
