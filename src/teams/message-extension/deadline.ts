/** Keeps invoke answers inside Teams' time limit: a slow port becomes a clear "try again". */
import { UpwardError } from '../../core/errors.ts';

/** Default wait on ports before answering; Teams abandons an invoke after about 5 s. */
export const DEFAULT_DEADLINE_MS = 3_000;

/**
 * `work`, or an `unavailable` error once `ms` have passed (the work is not cancelled; its
 * result is simply not waited for).
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UpwardError('unavailable', 'Upward is taking too long to answer. Please try again in a moment.')), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
