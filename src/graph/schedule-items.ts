import type { Client } from '@microsoft/microsoft-graph-client';
import { UpwardError } from '../core/errors.ts';
import { DAY_MS } from '../core/time.ts';
import type { BatchOptions } from './batch.ts';
import { runKeyed, type KeyedStep } from './batch-outcomes.ts';
import { graphUtcDateTime, parseGraphUtc } from './graph-time.ts';

/** One item of getSchedule's `scheduleItems`: only its status and times (never subjects). */
export interface ScheduleItem {
  /** Lower case: free, tentative, busy, oof, workingelsewhere, unknown. */
  readonly status: string;
  readonly start: number;
  readonly end: number;
}

/** getSchedule's answer per mailbox, items unmerged. */
export interface ScheduleItemsResult {
  readonly items: ReadonlyMap<string, readonly ScheduleItem[]>;
  readonly workingHours: ReadonlyMap<string, { daysOfWeek: string[]; start: string; end: string; zone: string }>;
  /** Mailboxes getSchedule could not read, with its message. */
  readonly failed: ReadonlyMap<string, string>;
  /** getSchedule requests made (batch members count one each). */
  readonly requests: number;
}

const SCHEDULES_PER_CALL = 20;
const MAX_WINDOW_MS = 62 * DAY_MS;

/**
 * Reads free/busy and working hours for many mailboxes through getSchedule only (never event
 * subjects or bodies), item by item: mailboxes in chunks of 20, windows of at most 62 days, all
 * sent as JSON batches with the per-mailbox limit held. Each call is made on behalf of the chunk's
 * first mailbox, so no single mailbox carries the load of a run. A re-check uses the separate
 * items to tell Upward's own meeting from a new one; `readAvailability` merges them.
 */
export async function readScheduleItems(
  client: Client,
  request: { readonly mailboxes: readonly string[]; readonly from: number; readonly to: number },
  options: BatchOptions = {},
): Promise<ScheduleItemsResult> {
  if (!(request.to > request.from)) throw new UpwardError('bad_input', 'the schedule window is empty');
  const mailboxes = [...new Set(request.mailboxes.map((m) => m.toLowerCase()))];
  const steps: KeyedStep<ScheduleInformation[]>[] = [];
  for (let i = 0; i < mailboxes.length; i += SCHEDULES_PER_CALL) {
    const chunk = mailboxes.slice(i, i + SCHEDULES_PER_CALL);
    for (let start = request.from; start < request.to; start += MAX_WINDOW_MS) {
      const end = Math.min(start + MAX_WINDOW_MS, request.to);
      steps.push({
        key: `${i}-${start}`,
        doing: 'reading free/busy (getSchedule)',
        step: {
          method: 'POST',
          url: `/users/${encodeURIComponent(chunk[0]!)}/calendar/getSchedule`,
          mailbox: chunk[0]!,
          headers: { Prefer: 'outlook.timezone="UTC"' },
          body: {
            schedules: chunk,
            startTime: { dateTime: graphUtcDateTime(start), timeZone: 'UTC' },
            endTime: { dateTime: graphUtcDateTime(end), timeZone: 'UTC' },
            availabilityViewInterval: 15,
          },
        },
        read: (answer) => (answer.body as { value?: ScheduleInformation[] }).value ?? [],
      });
    }
  }
  const answers = await runKeyed(client, steps, options);
  const items = new Map<string, ScheduleItem[]>();
  const workingHours = new Map<string, { daysOfWeek: string[]; start: string; end: string; zone: string }>();
  const failed = new Map<string, string>();
  for (const step of steps) {
    const answer = answers.get(step.key)!;
    if (!answer.ok) throw answer.error;
    for (const info of answer.value) {
      const mailbox = String(info.scheduleId).toLowerCase();
      if (info.error) {
        failed.set(mailbox, `${info.error.message ?? 'unreadable'} (${info.error.responseCode ?? 'error'})`);
        continue;
      }
      const list = items.get(mailbox) ?? [];
      for (const item of info.scheduleItems ?? []) {
        list.push({ status: String(item.status).toLowerCase(), start: parseGraphUtc(item.start.dateTime), end: parseGraphUtc(item.end.dateTime) });
      }
      items.set(mailbox, list);
      if (info.workingHours && !workingHours.has(mailbox)) {
        workingHours.set(mailbox, {
          daysOfWeek: info.workingHours.daysOfWeek ?? [],
          start: String(info.workingHours.startTime ?? '').slice(0, 5),
          end: String(info.workingHours.endTime ?? '').slice(0, 5),
          zone: info.workingHours.timeZone?.name ?? 'UTC',
        });
      }
    }
  }
  for (const list of items.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return { items, workingHours, failed, requests: steps.length };
}

interface ScheduleInformation {
  scheduleId: string;
  scheduleItems?: Array<{ status: string; start: { dateTime: string }; end: { dateTime: string } }>;
  workingHours?: { daysOfWeek?: string[]; startTime?: string; endTime?: string; timeZone?: { name?: string } };
  error?: { message?: string; responseCode?: string };
}
