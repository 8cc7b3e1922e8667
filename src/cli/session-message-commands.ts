/**
 * `upward program send <program> --pair <n> --session <k> --kind agenda|feedback|feedback-reminder
 * [--user <id|mailbox>]`: a program admin sends a session's message now, e.g. to re-send an agenda
 * someone lost. The server sends it under the timed message's key, so nobody gets it twice.
 */
import type { CommandContext } from './program-commands.ts';
import { UsageError } from './program-commands.ts';
import { optionText } from './option-text.ts';
import { pairingOf } from './pair-option.ts';

type Command = (ctx: CommandContext) => Promise<void>;


const WHAT: Readonly<Record<string, string>> = { agenda: 'Agenda', feedback: 'Feedback card', 'feedback-reminder': 'Feedback reminder' };

/**
 * Another sender (an admin's request or the timed message) holding the message right now: not
 * delivered yet, so not "had it already". Servers before the `in-progress` status answered
 * `already-sent` with this reason.
 */
const beingSent = (p: { status: string; reason?: string }): boolean => p.status === 'in-progress' || p.reason === 'in-progress';

const HEADLINE: Readonly<Record<string, string>> = {
  sent: 'sent',
  'in-progress': 'being sent right now by another request or the timed message; nothing sent again — check again in a minute',
  'already-sent': 'already sent earlier; nothing sent again',
};

function personLine(p: { name: string; status: string; reason?: string; message?: string }): string {
  if (p.status === 'sent') return 'sent now';
  if (beingSent(p)) return 'being sent right now by another request or the timed message (not sent again); check again in a minute';
  if (p.status === 'already-sent') return 'had it already (not sent again)';
  return `not sent: ${p.message}`;
}

/** The lines `send` prints: what was sent for which session, and what happened for each person. */
export function formatSent(body: any): string[] {
  const s = body.session;
  const when = `${String(s.start).slice(0, 16).replace('T', ' ')} UTC`;
  const status = body.status !== 'sent' && body.people.some(beingSent) ? 'in-progress' : body.status;
  return [
    `${WHAT[body.kind] ?? body.kind} of session ${s.number} of ${s.count} (${when}): ${HEADLINE[status] ?? status}`,
    ...body.people.map((p: any) => `  ${p.name}: ${personLine(p)}`),
  ];
}

export const SEND_COMMANDS: Readonly<Record<string, Command>> = {
  async send(ctx) {
    const id = ctx.args[0];
    if (!id) throw new UsageError('name the program: its id, as `list` shows it');
    const program = encodeURIComponent(id);
    const kind = optionText(ctx.options['kind']);
    if (kind === undefined) throw new UsageError('say what to send with --kind agenda|feedback|feedback-reminder');
    const session = optionText(ctx.options['session']);
    if (session === undefined) throw new UsageError('name the session with --session <k>: its number as its cards show it (1 is the first)');
    const pairing = await pairingOf(ctx, program);
    const user = optionText(ctx.options['user']);
    const body = await ctx.api.post(`/programs/${program}/pairings/${encodeURIComponent(pairing)}/sessions/${encodeURIComponent(session)}/send`, {
      kind,
      ...(user === undefined ? {} : { user }),
    });
    if (ctx.json) ctx.print(JSON.stringify(body, null, 2));
    else for (const line of formatSent(body)) ctx.print(line);
  },
};
