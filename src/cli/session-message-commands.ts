/**
 * `upward program send <program> --pair <n> --session <k> --kind agenda|feedback|feedback-reminder
 * [--user <id|mailbox>]`: a program admin sends a session's message now, e.g. to re-send an agenda
 * someone lost. The server sends it under the timed message's key, so nobody gets it twice.
 */
import type { CommandContext } from './program-commands.ts';
import { UsageError } from './program-commands.ts';

type Command = (ctx: CommandContext) => Promise<void>;

const str = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

const WHAT: Readonly<Record<string, string>> = { agenda: 'Agenda', feedback: 'Feedback card', 'feedback-reminder': 'Feedback reminder' };

/**
 * The pairing `--pair` names: a number is the pair's place in `review` (the published proposal),
 * turned into the running pairing of that mentor and mentee; anything else is a pairing id as
 * `pairings` prints it.
 */
async function pairingOf(ctx: CommandContext, program: string): Promise<string> {
  const given = str(ctx.options['pair']);
  if (given === undefined) throw new UsageError('name the pair with --pair <n> (its number in `review`) or its pairing id (from `pairings`)');
  if (!/^\d+$/.test(given)) return given;
  const pairs = (await ctx.api.get(`/programs/${program}/proposal`)).proposal.pairs as Array<{ mentorId: string; menteeId: string }>;
  const pair = pairs[Number(given) - 1];
  if (pair === undefined) throw new UsageError(`--pair must be a pair number from \`review\` (1 to ${pairs.length}) or a pairing id from \`pairings\``);
  const { pairings } = await ctx.api.get(`/programs/${program}/pairings`);
  const running = (pairings as Array<{ id: string; mentor: { userId: string }; mentee: { userId: string }; endedAt: string | null }>).filter(
    (p) => p.endedAt === null && p.mentor.userId === pair.mentorId && p.mentee.userId === pair.menteeId,
  );
  if (running.length === 0) throw new UsageError(`pair ${given} of \`review\` is not a running published pair; publish the program first, or give a pairing id from \`pairings\``);
  return running.at(-1)!.id;
}

/** The lines `send` prints: what was sent for which session, and what happened for each person. */
export function formatSent(body: any): string[] {
  const s = body.session;
  const when = `${String(s.start).slice(0, 16).replace('T', ' ')} UTC`;
  return [
    `${WHAT[body.kind] ?? body.kind} of session ${s.number} of ${s.count} (${when}): ${body.status === 'sent' ? 'sent' : 'already sent earlier; nothing sent again'}`,
    ...body.people.map((p: any) =>
      `  ${p.name}: ${p.status === 'sent' ? 'sent now' : p.status === 'already-sent' ? 'had it already (not sent again)' : `not sent: ${p.message}`}`,
    ),
  ];
}

export const SEND_COMMANDS: Readonly<Record<string, Command>> = {
  async send(ctx) {
    const id = ctx.args[0];
    if (!id) throw new UsageError('name the program: its id, as `list` shows it');
    const program = encodeURIComponent(id);
    const kind = str(ctx.options['kind']);
    if (kind === undefined) throw new UsageError('say what to send with --kind agenda|feedback|feedback-reminder');
    const session = str(ctx.options['session']);
    if (session === undefined) throw new UsageError('name the session with --session <k>: its number as its cards show it (1 is the first)');
    const pairing = await pairingOf(ctx, program);
    const user = str(ctx.options['user']);
    const body = await ctx.api.post(`/programs/${program}/pairings/${encodeURIComponent(pairing)}/sessions/${encodeURIComponent(session)}/send`, {
      kind,
      ...(user === undefined ? {} : { user }),
    });
    if (ctx.json) ctx.print(JSON.stringify(body, null, 2));
    else for (const line of formatSent(body)) ctx.print(line);
  },
};
