import type { Client } from '@microsoft/microsoft-graph-client';
import type { BatchOptions } from './batch.ts';
import { runKeyed, type KeyedStep } from './batch-outcomes.ts';

/** Working hours as a mailbox states them; times `HH:mm`, zone as the mailbox names it. */
export interface MailboxWorkingHours {
  readonly daysOfWeek: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly zone: string;
}

/**
 * Working hours from `mailboxSettings`, for the mailboxes whose getSchedule answer carried none
 * (getSchedule gives them whenever the mailbox has them set, so this is the exception). Batched;
 * a mailbox Graph refuses is left out for the caller to report.
 */
export async function readMailboxWorkingHours(client: Client, mailboxes: readonly string[], options: BatchOptions = {}): Promise<Map<string, MailboxWorkingHours>> {
  const steps = mailboxes.map((mailbox): KeyedStep<MailboxWorkingHours | undefined> => ({
    key: mailbox.toLowerCase(),
    doing: `reading the working hours of ${mailbox}`,
    step: { method: 'GET', url: `/users/${encodeURIComponent(mailbox)}/mailboxSettings?$select=timeZone,workingHours`, mailbox: mailbox.toLowerCase() },
    read: (answer) => {
      const body = answer.body as {
        timeZone?: string;
        workingHours?: { daysOfWeek?: string[]; startTime?: string; endTime?: string; timeZone?: { name?: string } };
      };
      const wh = body.workingHours;
      if (!wh) return undefined;
      return {
        daysOfWeek: wh.daysOfWeek ?? [],
        start: String(wh.startTime ?? '').slice(0, 5),
        end: String(wh.endTime ?? '').slice(0, 5),
        zone: wh.timeZone?.name ?? body.timeZone ?? 'UTC',
      };
    },
  }));
  const answers = await runKeyed(client, steps, options);
  const out = new Map<string, MailboxWorkingHours>();
  for (const [key, answer] of answers) if (answer.ok && answer.value !== undefined) out.set(key, answer.value);
  return out;
}
