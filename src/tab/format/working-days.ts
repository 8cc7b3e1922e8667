import { dayName, GRAPH_DAYS } from './day-names.ts';

/**
 * Writes a set of working days the way people say them: runs of three or more days become
 * "Monday–Friday", the week wraps (a Sunday–Thursday week stays one run), and separate runs are
 * listed ("Monday, Wednesday and Friday"). Unknown day names are ignored.
 */
export function describeWorkingDays(days: readonly string[], locale?: string): string {
  const present = GRAPH_DAYS.map((day) => days.some((d) => d.toLowerCase() === day));
  const count = present.filter(Boolean).length;
  if (count === 0) return 'No working days set';
  if (count === 7) return 'Every day';

  // Walk from Monday so runs come out in the order most calendars show the week; a run that
  // crosses the end of the week still starts where it really starts.
  const runs: number[][] = [];
  for (let offset = 0; offset < 7; offset++) {
    const index = (1 + offset) % 7;
    const previous = (index + 6) % 7;
    if (!present[index] || present[previous]) continue;
    const run = [index];
    for (let next = (index + 1) % 7; present[next]; next = (next + 1) % 7) run.push(next);
    runs.push(run);
  }

  const parts = runs.flatMap((run) => {
    if (run.length >= 3) return [`${dayName(run[0]!, locale)}–${dayName(run[run.length - 1]!, locale)}`];
    return run.map((index) => dayName(index, locale));
  });
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(parts);
}
