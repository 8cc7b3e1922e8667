/** The `--pair` option of commands about one pair of a program (`program send`, `schedule show`). */
import type { CommandContext } from './program-commands.ts';
import { UsageError } from './program-commands.ts';
import { optionText } from './option-text.ts';


/**
 * The pairing `--pair` names: a number is the pair's place in `review` (the published proposal),
 * turned into the running pairing of that mentor and mentee; anything else is a pairing id as
 * `pairings` prints it.
 */
export async function pairingOf(ctx: CommandContext, program: string): Promise<string> {
  const given = optionText(ctx.options['pair']);
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
