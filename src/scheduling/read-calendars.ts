import type { Client } from '@microsoft/microsoft-graph-client';
import { DAY_MS, epochMs, type EpochMs } from '../core/time.ts';
import type { Interval } from '../core/time/intervals.ts';
import { parseLocalDate } from '../core/time/local-date.ts';
import type { BatchOptions } from '../graph/batch.ts';
import { readAvailability } from '../graph/free-busy.ts';
import { readMailboxWorkingHours } from '../graph/mailbox-working-hours.ts';

/** A mailbox as the search needs it: when it is taken, and its working week. */
export interface MailboxCalendar {
  readonly busy: readonly Interval[];
  readonly workingHours: { readonly daysOfWeek: readonly string[]; readonly start: string; readonly end: string; readonly zone: string } | undefined;
}

/** Every mailbox read, and those Graph could not read. */
export interface CalendarsRead {
  readonly byMailbox: ReadonlyMap<string, MailboxCalendar>;
  /** Mailboxes Graph could not read, with why (unknown address: 5009). */
  readonly failed: ReadonlyMap<string, string>;
}

/**
 * The instants a term's sessions can fall in, with a day's margin either side for any zone's
 * offset; never before `now` (the past has nothing to book).
 */
export function termWindow(term: { start: string; end: string }, now: EpochMs): { from: EpochMs; to: EpochMs } {
  const start = parseLocalDate(term.start)!;
  const end = parseLocalDate(term.end)!;
  const from = Math.max(start * DAY_MS - DAY_MS, now);
  return { from: epochMs(from), to: epochMs(Math.max((end + 2) * DAY_MS, from + DAY_MS)) };
}

/**
 * Reads every mailbox once — however many pairs it is in — through getSchedule (busy, tentative
 * and out-of-office times plus working hours). Only for a mailbox whose answer had no working
 * hours is `mailboxSettings` read.
 */
export async function readCalendars(client: Client, mailboxes: readonly string[], window: { from: EpochMs; to: EpochMs }, options: BatchOptions): Promise<CalendarsRead> {
  const read = await readAvailability(client, { mailboxes, from: window.from, to: window.to }, options);
  const missing = [...read.byMailbox.values()].filter((m) => m.workingHours === undefined).map((m) => m.mailbox);
  const fallback = missing.length > 0 ? await readMailboxWorkingHours(client, missing, options) : new Map();
  const byMailbox = new Map<string, MailboxCalendar>();
  for (const [mailbox, availability] of read.byMailbox) {
    byMailbox.set(mailbox, { busy: availability.unavailable, workingHours: availability.workingHours ?? fallback.get(mailbox) });
  }
  return { byMailbox, failed: read.failed };
}
