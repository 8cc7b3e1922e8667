/**
 * Reads the calendars back after booking, as anyone could check them: every session Upward (or
 * the baseline) booked must be in both people's calendars, lie inside both working weeks and
 * overlap nothing else either person has. getSchedule lists each meeting as its own item, so a
 * session is "ours" by its exact times (one item per session and calendar) and anything else
 * overlapping it is a double booking. These reads are the benchmark's check, not part of the
 * measured runs.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { interval } from '../src/core/time/intervals.ts';
import { expandWorkingHours, resolveWorkingHours } from '../src/core/time/working-hours.ts';
import type { DevPerson } from '../src/devtenant/dev-tenant.ts';
import { readScheduleItems, type ScheduleItem } from '../src/graph/schedule-items.ts';

/** A booked pair: who, and the sessions it holds (start and end, epoch ms). */
export interface BookedMeeting {
  readonly pairId: string;
  readonly organiser: DevPerson;
  readonly attendee: DevPerson;
  readonly sessions: readonly { readonly start: number; readonly end: number }[];
}

export interface Verification {
  /** Sessions that overlap anything else either person has. */
  readonly doubleBookings: number;
  /** Sessions missing from one of the two calendars. */
  readonly missing: number;
  readonly outsideWorkingHours: number;
  readonly sessions: number;
  /** Pairs with at least one session and none double-booked, missing or outside working hours. */
  readonly cleanPairs: ReadonlySet<string>;
}

const FREE = new Set(['free', 'workingelsewhere']);

export async function verify(client: Client, meetings: readonly BookedMeeting[], window: { from: number; to: number }): Promise<Verification> {
  const read = await readScheduleItems(client, { mailboxes: meetings.flatMap((m) => [m.organiser.mail, m.attendee.mail]), from: window.from, to: window.to }, { parallelBatches: 8 });
  let doubleBookings = 0;
  let missing = 0;
  let outsideWorkingHours = 0;
  let sessions = 0;
  const cleanPairs = new Set<string>();
  for (const m of meetings) {
    const others = [m.organiser, m.attendee].map((p) => withoutSessions(read.items.get(p.mail.toLowerCase()) ?? [], m.sessions));
    const hours = [m.organiser, m.attendee].map((p) =>
      resolveWorkingHours({ daysOfWeek: p.workingHours.daysOfWeek, start: p.workingHours.startTime, end: p.workingHours.endTime, zone: p.mailboxTimeZone }),
    );
    let clean = m.sessions.length > 0;
    for (const s of m.sessions) {
      sessions++;
      if (others.some((o) => o.missing.has(s))) {
        missing++;
        clean = false;
      }
      if (others.some((o) => o.busy.some((b) => b.start < s.end && s.start < b.end))) {
        doubleBookings++;
        clean = false;
      }
      const inside = hours.every((h) => expandWorkingHours(h, interval(s.start - 86_400_000, s.end + 86_400_000)).some((w) => w.start <= s.start && s.end <= w.end));
      if (!inside) {
        outsideWorkingHours++;
        clean = false;
      }
    }
    if (clean) cleanPairs.add(m.pairId);
  }
  return { doubleBookings, missing, outsideWorkingHours, sessions, cleanPairs };
}

/** A calendar's busy items without one item per session (found by exact times), and the sessions not found. */
function withoutSessions(items: readonly ScheduleItem[], sessions: BookedMeeting['sessions']) {
  const left = [...items];
  const missing = new Set<BookedMeeting['sessions'][number]>();
  for (const s of sessions) {
    const at = left.findIndex((i) => i.start === s.start && i.end === s.end && !FREE.has(i.status));
    if (at < 0) missing.add(s);
    else left.splice(at, 1);
  }
  return { busy: left.filter((i) => !FREE.has(i.status)), missing };
}
