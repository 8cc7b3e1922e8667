import { DAY_MS } from '../core/time.ts';
import { addDays, parseLocalDate } from '../core/time/local-date.ts';
import { zoneTimeline } from '../core/time/zone-timeline.ts';
import { toIanaZone } from '../core/time/zones.ts';

/** What preparing the run's zone tables cost, reported beside the searches it spares. */
export interface ZoneTablesPrepared {
  /** Distinct zone names read from the mailboxes (Windows and IANA spellings). */
  readonly zones: number;
  /** CPU time of the preparation, microseconds. */
  readonly cpuMicros: number;
}

/**
 * Resolves every zone name of a cohort once (Windows names through CLDR) and builds its UTC-offset
 * tables for the years of the term, before any pair is searched. The series search would build
 * exactly these on its first pair in each zone (the tables are kept for the process); doing it
 * once up front is the same work, paid by the run rather than by whichever pair comes first, so
 * no single search carries a zone's start-up. A name that does not resolve is left for the
 * search, which reports it as the pair's `bad_input`.
 */
export function prepareZoneTables(zoneNames: Iterable<string>, term: { start: string; end: string }): ZoneTablesPrepared {
  const started = process.cpuUsage();
  const start = parseLocalDate(term.start);
  const end = parseLocalDate(term.end);
  const names = new Set(zoneNames);
  if (start !== undefined && end !== undefined) {
    // The same span the search's availability step asks for (a day's margin either side).
    const from = start * DAY_MS - DAY_MS;
    const to = addDays(end, 2) * DAY_MS;
    for (const name of names) {
      try {
        zoneTimeline(toIanaZone(name), from, to);
      } catch {
        // Reported per pair by the search.
      }
    }
  }
  const used = process.cpuUsage(started);
  return { zones: names.size, cpuMicros: used.user + used.system };
}
