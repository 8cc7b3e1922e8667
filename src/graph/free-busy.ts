import type { Client } from '@microsoft/microsoft-graph-client';
import { UpwardError } from '../core/errors.ts';
import { DAY_MS, epochMs, type EpochMs } from '../core/time.ts';
import { interval, mergeIntervals, type Interval } from '../core/time/intervals.ts';
import { runBatched, type BatchOptions, type BatchStep } from './batch.ts';

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

/** getSchedule's documented limit on schedules per call. */
const SCHEDULES_PER_CALL = 20;
/** The window getSchedule accepts in one call (the service refuses 63 days). */
const MAX_WINDOW_MS = 62 * DAY_MS;

/**
 * Reads free/busy and working hours for many mailboxes through getSchedule only (never event
 * subjects or bodies): mailboxes in chunks of 20, windows of at most 62 days, all sent as JSON
 * batches with the per-mailbox limit held. Each call is made on behalf of the chunk's first
 * mailbox, so no single mailbox carries the load of the run.
 */
export async function readAvailability(client: Client, request: AvailabilityRequest, options: BatchOptions = {}): Promise<AvailabilityResult> {
  if (!(request.to > request.from)) throw new UpwardError('bad_input', 'the availability window is empty');
  const mailboxes = [...new Set(request.mailboxes.map((m) => m.toLowerCase()))];
  const windows: Interval[] = [];
  for (let start = request.from; start < request.to; start = epochMs(start + MAX_WINDOW_MS)) {
    windows.push(interval(start, Math.min(start + MAX_WINDOW_MS, request.to)));
  }

  const steps: BatchStep[] = [];
  for (let i = 0; i < mailboxes.length; i += SCHEDULES_PER_CALL) {
    const chunk = mailboxes.slice(i, i + SCHEDULES_PER_CALL);
    windows.forEach((window, w) => {
      steps.push({
        id: `${i / SCHEDULES_PER_CALL}-${w}`,
        method: 'POST',
        url: `/users/${encodeURIComponent(chunk[0]!)}/calendar/getSchedule`,
        mailbox: chunk[0]!,
        headers: { Prefer: 'outlook.timezone="UTC"' },
        body: {
          schedules: chunk,
          startTime: { dateTime: graphDateTime(window.start), timeZone: 'UTC' },
          endTime: { dateTime: graphDateTime(window.end), timeZone: 'UTC' },
          availabilityViewInterval: 15,
        },
      });
    });
  }

  const answers = await runBatched(client, steps, options);
  const unavailable = new Map<string, Interval[]>();
  const oof = new Map<string, Interval[]>();
  const hours = new Map<string, MailboxAvailability['workingHours']>();
  const failed = new Map<string, string>();
  for (const step of steps) {
    const answer = answers.get(step.id)!;
    if (answer.status !== 200) {
      const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new UpwardError(
        answer.status === 429 || answer.status >= 500 ? 'unavailable' : 'upstream',
        `Microsoft Graph refused getSchedule (${answer.status} ${error?.code ?? ''}): ${error?.message ?? 'no message'}`.replace('  ', ' '),
      );
    }
    for (const info of (answer.body as { value?: ScheduleInformation[] }).value ?? []) {
      const mailbox = String(info.scheduleId).toLowerCase();
      if (info.error) {
        failed.set(mailbox, `${info.error.message ?? 'unreadable'} (${info.error.responseCode ?? 'error'})`);
        continue;
      }
      const taken = unavailable.get(mailbox) ?? [];
      const away = oof.get(mailbox) ?? [];
      for (const item of info.scheduleItems ?? []) {
        const status = String(item.status).toLowerCase();
        if (status === 'free' || status === 'workingelsewhere') continue;
        const span = interval(parseUtc(item.start.dateTime), parseUtc(item.end.dateTime));
        taken.push(span);
        if (status === 'oof') away.push(span);
      }
      unavailable.set(mailbox, taken);
      oof.set(mailbox, away);
      if (info.workingHours && !hours.has(mailbox)) {
        hours.set(mailbox, {
          daysOfWeek: info.workingHours.daysOfWeek ?? [],
          start: String(info.workingHours.startTime ?? '').slice(0, 5),
          end: String(info.workingHours.endTime ?? '').slice(0, 5),
          zone: info.workingHours.timeZone?.name ?? 'UTC',
        });
      }
    }
  }
  const byMailbox = new Map<string, MailboxAvailability>();
  for (const mailbox of mailboxes) {
    if (failed.has(mailbox)) continue;
    byMailbox.set(mailbox, {
      mailbox,
      unavailable: mergeIntervals(unavailable.get(mailbox) ?? []),
      oof: mergeIntervals(oof.get(mailbox) ?? []),
      workingHours: hours.get(mailbox),
    });
  }
  return { byMailbox, failed, requests: steps.length };
}

interface ScheduleInformation {
  scheduleId: string;
  scheduleItems?: Array<{ status: string; start: { dateTime: string }; end: { dateTime: string } }>;
  workingHours?: { daysOfWeek?: string[]; startTime?: string; endTime?: string; timeZone?: { name?: string } };
  error?: { message?: string; responseCode?: string };
}

/** Graph's dateTimeTimeZone.dateTime: local wall time with seven fractional digits, no offset. */
function graphDateTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 23)}0000`;
}

/** Times asked for with `Prefer: outlook.timezone="UTC"` come back as UTC wall times. */
function parseUtc(dateTime: string): number {
  const value = Date.parse(`${dateTime.slice(0, 23)}Z`);
  if (Number.isNaN(value)) throw new UpwardError('upstream', `Microsoft Graph sent an unreadable time "${dateTime}"`);
  return value;
}
