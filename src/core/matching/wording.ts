/** Small helpers that turn numbers and lists into the phrases used in reasons and notices. */
import type { EpochMs } from '../time.ts';

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 45 → "45 min", 180 → "3 h", 90 → "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The UTC calendar date of an instant, e.g. "2025-03-01" (no zone: it is read by admins). */
export const formatDate = (at: EpochMs): string => new Date(at).toISOString().slice(0, 10);

/** "1 mentee", "3 mentees". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
