/**
 * `node bench/scheduling-cold.ts [--prepare] [--lead DAYS] [--why]`: the benchmark's 1,000 series
 * searches in a fresh process, in-process on the same generated calendars (no Graph), printing every
 * search over 1 ms and whether it was the first in its zone. `--prepare` builds the run's zone
 * tables first, as the cohort run does; `--lead DAYS` hides one-off items more than DAYS after the
 * start (calendars as seen when one-offs are booked at most DAYS ahead, recurring series,
 * days off and holidays kept); `--why` tallies what each clashing session of the chosen series
 * times overlaps.
 */
import { createCalendarService } from '../src/devtenant/calendar/index.ts';
import { createDevDirectory } from '../src/devtenant/directory/dev-directory.ts';
import { calendarDirectory } from '../src/devtenant/graph/calendar-module.ts';
import { seedOrganisations } from '../src/devtenant/org/organisations.ts';
import { benchPairs } from './scheduling-pairs.ts';
import { findSeriesSlot } from '../src/core/scheduling/search.ts';
import { mergeIntervals, interval } from '../src/core/time/intervals.ts';

const TENANT = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const directory = createDevDirectory(seedOrganisations({ tenantId: TENANT, seed: 1, size: 2200 }));
const pairs = benchPairs(directory.people(TENANT), 1000);
const service = createCalendarService({ directory: calendarDirectory(directory), seed: 1, now: () => new Date('2027-03-01T12:00:00Z') });
const LEAD = process.argv.includes('--lead') ? Number(process.argv[process.argv.indexOf('--lead') + 1]) : 0;
const FROM = Date.parse('2027-03-01T00:00:00Z'), TO = Date.parse('2027-05-27T00:00:00Z');
const part = (p: any) => ({
  id: p.id, name: p.displayName, zone: p.mailboxTimeZone,
  workingHours: { daysOfWeek: p.workingHours.daysOfWeek, start: p.workingHours.startTime, end: p.workingHours.endTime, zone: p.mailboxTimeZone },
  busy: mergeIntervals(service.entries(TENANT, p.id, FROM, TO).filter((e) => !['free', 'workingelsewhere'].includes(String(e.status).toLowerCase()))
    .filter((e) => !LEAD || e.status === 'oof' || (e.source as any).seriesKey !== undefined || e.startMs < FROM + LEAD * 86_400_000).map((e) => interval(e.startMs, e.endMs))),
});
const reqs = pairs.map((p) => ({ organiser: part(p.mentee), attendee: part(p.mentor), cadence: 'biweekly' as const, durationMinutes: 45 as const, term: { start: '2027-03-02', end: '2027-05-24' }, now: Date.parse('2027-03-01T12:00:00Z') as any }));
import { prepareZoneTables } from '../src/scheduling/zone-tables.ts';
if (process.argv.includes('--prepare')) console.log('prepared', prepareZoneTables(reqs.flatMap((r) => [r.organiser.zone, r.attendee.zone]), { start: '2027-03-02', end: '2027-05-24' }));
const times: number[] = [];
const zones = new Set<string>();
let conflicts = 0, clean = 0;
for (const [i, r] of reqs.entries()) {
  const c = process.cpuUsage(); const w = performance.now();
  const res = findSeriesSlot(r);
  const used = process.cpuUsage(c);
  times.push(Math.min(used.user + used.system, (performance.now() - w) * 1000) / 1000);
  if (res.kind === 'plan') { conflicts += res.conflicts; if (res.conflicts === 0) clean++; }
  const first = !zones.has(r.organiser.zone); zones.add(r.organiser.zone);
  if (times[i]! > 1) console.log(i, times[i]!.toFixed(2), r.organiser.zone, first ? 'FIRST-ZONE' : '');
}
const sorted = [...times].sort((a, b) => a - b);
console.log('p50', sorted[500]!.toFixed(3), 'p99', sorted[990]!.toFixed(3), 'zones', zones.size, 'clean pairs', clean, 'conflicts', conflicts);
if (!process.argv.includes('--why')) process.exit(0);
// Why the chosen series times clash: what overlaps each clashing occurrence.
const why: Record<string, number> = {};
for (const r of reqs) {
  const res = findSeriesSlot(r);
  if (res.kind !== 'plan') continue;
  for (const o of res.occurrences) {
    if (o.status === 'free') continue;
    const cats = new Set<string>();
    for (const [role, p] of [['senior', r.organiser], ['junior', r.attendee]] as const) {
      for (const e of service.entries(TENANT, p.id, o.originalStart, o.originalStart + 45 * 60_000)) {
        const st = String(e.status).toLowerCase();
        if (st === 'free' || st === 'workingelsewhere') continue;
        cats.add(`${role}:${st === 'oof' ? (e.subject === 'Vacation' ? 'holiday' : 'dayoff') : (e.source as any).seriesKey ? 'recurring' : st === 'tentative' ? 'tentative' : 'oneoff'}`);
      }
    }
    const key = [...cats].sort().join('+');
    why[key] = (why[key] ?? 0) + 1;
  }
}
console.log(Object.entries(why).sort((a, b) => b[1] - a[1]).slice(0, 25));
