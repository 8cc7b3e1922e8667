/**
 * `node bench/scheduling-realism.ts`: how the benchmark cohort's generated calendars look over its
 * term (not a timed case): the share of busy time inside working hours that is recurring series,
 * one-off meetings, focus blocks, tentative and private items and out-of-office, by seniority; how
 * often a 45-minute slot is free for both people of a pair on one date and on all six biweekly
 * dates; and the fewest clashes any series time of each pair could have (a quarter-hour grid over
 * both weeks of the biweekly cycle, as the search scans it; clock changes ignored).
 */
import { DateTime } from 'luxon';
import { createCalendarService } from '../src/devtenant/calendar/index.ts';
import { createDevDirectory } from '../src/devtenant/directory/dev-directory.ts';
import { calendarDirectory } from '../src/devtenant/graph/calendar-module.ts';
import { seedOrganisations } from '../src/devtenant/org/organisations.ts';
import { benchPairs } from './scheduling-pairs.ts';

const TENANT = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const directory = createDevDirectory(seedOrganisations({ tenantId: TENANT, seed: 1, size: 2200 }));
const people = directory.people(TENANT);
const pairs = benchPairs(people, 1000);
const service = createCalendarService({ directory: calendarDirectory(directory), seed: 1, now: () => new Date('2027-03-01T12:00:00Z') });
const Q = 15 * 60_000;
const FROM = Date.parse('2027-03-01T00:00:00Z');
const TO = Date.parse('2027-05-27T00:00:00Z');
const N = (TO - FROM) / Q;
type Cat = 'recurring' | 'oneoff' | 'focus' | 'tentative' | 'private' | 'oof';
const totals: Record<string, Record<Cat | 'working', number>> = {};
function profile(p: any) {
  const working = new Uint8Array(N);
  const unavailable = new Uint8Array(N);
  const cat = new Array<Cat | undefined>(N);
  const days = p.workingHours.daysOfWeek;
  for (let d = DateTime.fromMillis(FROM, { zone: p.ianaTimeZone }).startOf('day'); d.toMillis() < TO; d = d.plus({ days: 1 })) {
    if (!days.includes(d.toFormat('cccc').toLowerCase())) continue;
    const [sh, sm] = p.workingHours.startTime.split(':').map(Number); const [eh, em] = p.workingHours.endTime.split(':').map(Number);
    const s = d.set({ hour: sh, minute: sm }).toMillis(), e = d.set({ hour: eh, minute: em }).toMillis();
    for (let t = s; t < e; t += Q) { const i = (t - FROM) / Q; if (i >= 0 && i < N) working[i] = 1; }
  }
  const rank: Record<Cat, number> = { oof: 5, recurring: 4, oneoff: 3, focus: 2, private: 1, tentative: 0 };
  for (const e of service.entries(TENANT, p.id, FROM, TO)) {
    const st = String(e.status).toLowerCase();
    if (st === 'free' || st === 'workingelsewhere') continue;
    const c: Cat = st === 'oof' ? 'oof' : (e.source as any).seriesKey ? 'recurring' : st === 'tentative' ? 'tentative' : e.isPrivate ? 'private' : e.subject === 'Focus time' ? 'focus' : 'oneoff';
    for (let i = Math.max(0, Math.floor((e.startMs - FROM) / Q)); i < Math.min(N, Math.ceil((e.endMs - FROM) / Q)); i++) {
      unavailable[i] = 1;
      if (cat[i] === undefined || rank[c] > rank[cat[i]!]) cat[i] = c;
    }
  }
  const band = p.level >= 7 ? 'senior' : p.level <= 3 ? 'junior' : 'mid';
  const t = (totals[band] ??= { recurring: 0, oneoff: 0, focus: 0, tentative: 0, private: 0, oof: 0, working: 0 });
  for (let i = 0; i < N; i++) if (working[i]) { t.working++; if (cat[i]) t[cat[i]!]++; }
  return { working, unavailable };
}
let singleFree = 0, singleTried = 0, allFree = 0, tried = 0, pairsWithClean = 0;
const bestClashes: number[] = [];
const start0 = Date.parse('2027-03-02T00:00:00Z');
for (const pair of pairs) {
  const a = profile(pair.mentee), b = profile(pair.mentor); // mentee senior
  const ok = (i: number) => { for (let k = 0; k < 3; k++) if (!a.working[i + k] || !b.working[i + k] || a.unavailable[i + k] || b.unavailable[i + k]) return false; return true; };
  const fitsHours = (i: number) => { for (let k = 0; k < 3; k++) if (!a.working[i + k] || !b.working[i + k]) return false; return true; };
  let best = 99;
  const firstIdx = (start0 - FROM) / Q;
  for (let i = firstIdx; i < firstIdx + 14 * 96; i++) {
    // candidate: starts in shared working hours on that date (UTC-offset: same zone pairs, DST shift ignored => 6 dates at +14d in UTC; fine mostly)
    const dates = [0, 1, 2, 3, 4, 5].map((k) => i + k * 14 * 96);
    if (!dates.every(fitsHours)) continue;
    tried++;
    let clashes = 0;
    for (const x of dates) { singleTried++; if (ok(x)) singleFree++; else clashes++; }
    if (clashes === 0) allFree++;
    best = Math.min(best, clashes);
  }
  if (best === 0) pairsWithClean++;
  bestClashes.push(best);
}
for (const [band, t] of Object.entries(totals)) {
  const busy = t.recurring + t.oneoff + t.focus + t.tentative + t.private + t.oof;
  console.log(band, 'booked share of working time', (busy / t.working).toFixed(3), Object.fromEntries((['recurring', 'oneoff', 'focus', 'tentative', 'private', 'oof'] as Cat[]).map((c) => [c, +(t[c] / busy).toFixed(3)])));
}
console.log('P(45-min slot free for both, one date)', (singleFree / singleTried).toFixed(3));
console.log('P(45-min slot free for both on all 6 biweekly dates)', (allFree / tried).toFixed(4), 'candidates', tried);
console.log('pairs with at least one clean series time', pairsWithClean);
const hist: Record<number, number> = {}; for (const c of bestClashes) hist[c] = (hist[c] ?? 0) + 1;
console.log('best clashes histogram', hist);
