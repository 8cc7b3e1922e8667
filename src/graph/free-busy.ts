import type { Client } from '@microsoft/microsoft-graph-client';
import type { EpochMs } from '../core/time.ts';
import { interval, mergeIntervals, type Interval } from '../core/time/intervals.ts';
import type { BatchOptions } from './batch.ts';
import { readScheduleItems } from './schedule-items.ts';

/** What getSchedule tells of one mailbox: when it is taken, and its working hours. */
export interface MailboxAvailability {
  readonly mailbox: string;
  /** Busy, tentative and out-of-office times merged: the times a session must avoid. */
  readonly unavailable: readonly Interval[];
  readonly oof: readonly Interval[];
  readonly workingHours:
    | { readonly daysOfWeek: readonly string[]; readonly start: string; readonly end: string; readonly zone: string }
    | undefined;
}

export interface AvailabilityRequest {
  /** SMTP addresses; each is read once however many pairs it belongs to. */
  readonly mailboxes: readonly string[];
  readonly from: EpochMs;
  readonly to: EpochMs;
}

export interface AvailabilityResult {
  readonly byMailbox: ReadonlyMap<string, MailboxAvailability>;
  /** Mailboxes getSchedule could not read (e.g. 5009 unknown address), with its message. */
  readonly failed: ReadonlyMap<string, string>;
  /** getSchedule requests made (batch members count one each). */
  readonly requests: number;
}

/** Statuses that leave the time open for a session. */
const OPEN = new Set(['free', 'workingelsewhere']);

/**
 * Free/busy of many mailboxes as merged interval lists, the form the series search wants. The
 * reading itself (chunks, windows, batches, limits) is `readScheduleItems`.
 */
export async function readAvailability(client: Client, request: AvailabilityRequest, options: BatchOptions = {}): Promise<AvailabilityResult> {
  const read = await readScheduleItems(client, request, options);
  const byMailbox = new Map<string, MailboxAvailability>();
  for (const mailbox of new Set(request.mailboxes.map((m) => m.toLowerCase()))) {
    if (read.failed.has(mailbox)) continue;
    const taken = (read.items.get(mailbox) ?? []).filter((item) => !OPEN.has(item.status));
    byMailbox.set(mailbox, {
      mailbox,
      unavailable: mergeIntervals(taken.map((item) => interval(item.start, item.end))),
      oof: mergeIntervals(taken.filter((item) => item.status === 'oof').map((item) => interval(item.start, item.end))),
      workingHours: read.workingHours.get(mailbox),
    });
  }
  return { byMailbox, failed: read.failed, requests: read.requests };
}
