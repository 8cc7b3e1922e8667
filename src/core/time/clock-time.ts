/**
 * Times of day as minutes since local midnight. Graph writes them `08:30:00.0000000`, people
 * write `08:30`; both parse. Seconds are dropped: nothing in Upward is finer than a minute.
 */
const CLOCK_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Minutes since midnight for `HH:mm[:ss[.fffffff]]`, 0 to 1440 (`24:00` ends a day); else `undefined`. */
export function parseClockTime(text: string): number | undefined {
  const match = CLOCK_TIME.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = match[3] === undefined ? 0 : Number(match[3]);
  if (minutes > 59 || seconds > 59) return undefined;
  const total = hours * 60 + minutes;
  if (total > 1440 || (total === 1440 && seconds > 0)) return undefined;
  return total;
}

/** `HH:mm` for minutes since midnight (wraps past 24:00). */
export function formatClockTime(minuteOfDay: number): string {
  const m = ((Math.round(minuteOfDay) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
