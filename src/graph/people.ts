import type { Client } from '@microsoft/microsoft-graph-client';
import type { BatchOptions } from './batch.ts';
import { runKeyed, type KeyedStep } from './batch-outcomes.ts';

/** What booking needs of a person: where to send the invitation and what to call them. */
export interface MailboxPerson {
  readonly id: string;
  /** SMTP address (getSchedule and attendees want it); the UPN when the directory has no mail. */
  readonly mail: string;
  readonly displayName: string;
}

/** Graph's `in` operator takes at most 15 values. */
const IDS_PER_FILTER = 15;

/**
 * Looks people up by directory object id, 15 per request (`$filter=id in (…)`), batched. Ids the
 * directory does not know are simply absent from the map: the caller names them.
 */
export async function readPeople(client: Client, ids: readonly string[], options: BatchOptions = {}): Promise<Map<string, MailboxPerson>> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const steps: KeyedStep<MailboxPerson[]>[] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_FILTER) {
    const chunk = unique.slice(i, i + IDS_PER_FILTER);
    const filter = `id in (${chunk.map((id) => `'${id.replace(/'/g, "''")}'`).join(',')})`;
    const query = new URLSearchParams({ $filter: filter, $select: 'id,mail,userPrincipalName,displayName', $top: String(IDS_PER_FILTER) });
    steps.push({
      key: String(i),
      doing: 'reading people from the directory',
      // Directory reads are not mailbox resources, so no mailbox limit applies: one key per chunk.
      step: { method: 'GET', url: `/users?${query.toString()}`, mailbox: `directory#${i}` },
      read: (answer) =>
        ((answer.body as { value?: Array<{ id: string; mail?: string | null; userPrincipalName?: string; displayName?: string }> }).value ?? []).map((u) => ({
          id: String(u.id),
          mail: String(u.mail ?? u.userPrincipalName ?? ''),
          displayName: String(u.displayName ?? u.userPrincipalName ?? u.id),
        })),
    });
  }
  const answers = await runKeyed(client, steps, options);
  const out = new Map<string, MailboxPerson>();
  for (const step of steps) {
    const answer = answers.get(step.key)!;
    if (!answer.ok) throw answer.error;
    for (const person of answer.value) out.set(person.id.toLowerCase(), person);
  }
  return out;
}
