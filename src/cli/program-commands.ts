/**
 * The `upward program ...` commands. Each turns its arguments into one or a few API calls; the
 * server validates and decides (so the CLI and the tab get the same rules and the same errors).
 */
import { readFileSync } from 'node:fs';
import type { ApiClient } from './api-client.ts';
import { ADMIN_COMMANDS } from './program-admin-commands.ts';
import { SEND_COMMANDS } from './session-message-commands.ts';
import { formatEnrolment, formatPairing, formatProgram, formatProgramLine, formatProposal } from './format.ts';

/** What a command gets: the API as the signed-in person, its arguments, and where to print. */
export interface CommandContext {
  readonly api: ApiClient;
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  /** Options that may be given more than once (`--plan`), each as every value given. */
  readonly repeated?: Readonly<Record<string, readonly string[] | undefined>>;
  readonly print: (line: string) => void;
  readonly json: boolean;
}

/** A mistake in how the command was called; printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Command = (ctx: CommandContext) => Promise<void>;
type OptionValue = CommandContext['options'][string];

const list = (value: OptionValue): string[] | undefined =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s !== '') : undefined;
const num = (value: OptionValue): number | string | undefined =>
  typeof value === 'string' ? (/^-?\d+$/.test(value) ? Number(value) : value) : undefined;
const str = (value: OptionValue): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * `--plan "<track>: <topic 1>; <topic 2>; …"`, once per track, as the API's `trackPlans`. The
 * server checks the track names and topics; only the shape is the CLI's to refuse.
 */
function plansOf(values: readonly string[] | undefined): { track: string; sessionTopics: string[] }[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.map((plan) => {
    const colon = plan.indexOf(':');
    if (colon < 1) throw new UsageError(`--plan needs "<track>: <topic 1>; <topic 2>; ...", got "${plan}"`);
    return { track: plan.slice(0, colon).trim(), sessionTopics: plan.slice(colon + 1).split(';').map((t) => t.trim()).filter((t) => t !== '') };
  });
}

function programArg(ctx: CommandContext): string {
  const id = ctx.args[0];
  if (!id) throw new UsageError('name the program: its id, as `list` shows it');
  return encodeURIComponent(id);
}

/** Prints JSON when asked, else the text lines. */
function show(ctx: CommandContext, body: unknown, lines: () => string[]): void {
  if (ctx.json) ctx.print(JSON.stringify(body, null, 2));
  else for (const line of lines()) ctx.print(line);
}

/** Waits for a running matching run to end (polling), then prints the proposal. */
async function waitAndShow(ctx: CommandContext, id: string, started: any): Promise<void> {
  let proposal = started.proposal;
  if (ctx.options['no-wait'] !== true) {
    const deadline = Date.now() + 120_000;
    while (proposal.status === 'running') {
      if (Date.now() > deadline) throw new Error('matching is still running after 2 minutes; check later with `review`');
      await new Promise((resolve) => setTimeout(resolve, 100));
      proposal = (await ctx.api.get(`/programs/${id}/proposal`)).proposal;
    }
  }
  show(ctx, { proposal }, () => formatProposal(proposal));
}

/** The pair a command acts on: `--pair <n>` from the proposal, or `--mentor` and `--mentee` ids. */
async function pairRef(ctx: CommandContext, id: string, option = 'pair'): Promise<{ mentorId: string; menteeId: string }> {
  const n = str(ctx.options[option]);
  if (n !== undefined) {
    const index = Number(n);
    const pairs = (await ctx.api.get(`/programs/${id}/proposal`)).proposal.pairs as Array<{ mentorId: string; menteeId: string }>;
    if (!Number.isInteger(index) || index < 1 || index > pairs.length) {
      throw new UsageError(`--${option} must be a pair number from \`review\` (1 to ${pairs.length})`);
    }
    return { mentorId: pairs[index - 1]!.mentorId, menteeId: pairs[index - 1]!.menteeId };
  }
  const mentorId = str(ctx.options['mentor']);
  const menteeId = str(ctx.options['mentee']);
  if (!mentorId || !menteeId) throw new UsageError(`name the pair: --${option} <n> (from \`review\`), or --mentor <id> --mentee <id>`);
  return { mentorId, menteeId };
}

const transitionTo = (to: string): Command => async (ctx) => {
  const body = await ctx.api.post(`/programs/${programArg(ctx)}/transitions`, { to });
  show(ctx, body, () => [`${body.program.name} is now ${body.program.state} (cycle ${body.program.rotationCycle})`]);
};

const reviewEdit = (edit: 'lock' | 'unlock' | 'remove'): Command => async (ctx) => {
  const id = programArg(ctx);
  const body = await ctx.api.post(`/programs/${id}/proposal/${edit}`, await pairRef(ctx, id));
  show(ctx, body, () => formatProposal(body.proposal));
};

export const COMMANDS: Readonly<Record<string, Command>> = {
  async create(ctx) {
    const file = str(ctx.options['file']);
    const input = file
      ? JSON.parse(readFileSync(file, 'utf8'))
      : {
          name: str(ctx.options['name']),
          topicTracks: list(ctx.options['tracks']),
          cadence: str(ctx.options['cadence']),
          sessionMinutes: num(ctx.options['minutes']),
          term: { start: str(ctx.options['start']), end: str(ctx.options['end']) },
          ...(ctx.options['objectives'] !== undefined ? { objectives: String(ctx.options['objectives']).split(';').map((s) => s.trim()).filter((s) => s !== '') } : {}),
          ...(ctx.options['capacity'] !== undefined ? { capacityPerPerson: num(ctx.options['capacity']) } : {}),
          ...(ctx.options['organiser'] !== undefined ? { organiser: str(ctx.options['organiser']) } : {}),
          ...(ctx.repeated?.['plan'] !== undefined ? { trackPlans: plansOf(ctx.repeated['plan']) } : {}),
          rules: {
            ...(ctx.options['min-gap'] !== undefined ? { minSeniorityGap: num(ctx.options['min-gap']) } : {}),
            ...(ctx.options['trios'] === true ? { allowTrios: true } : {}),
          },
        };
    const body = await ctx.api.post('/programs', input);
    show(ctx, body, () => ['Created:', ...formatProgram(body.program)]);
  },

  /** Replaces the program's session plans with the `--plan`s given (none: `--clear`). */
  async plan(ctx) {
    const id = programArg(ctx);
    const trackPlans = ctx.options['clear'] === true ? [] : plansOf(ctx.repeated?.['plan']);
    if (trackPlans === undefined) throw new UsageError('give one --plan "<track>: <topic 1>; <topic 2>; ..." per track, or --clear');
    const body = await ctx.api.patch(`/programs/${id}`, { trackPlans });
    show(ctx, body, () => ['Saved:', ...formatProgram(body.program)]);
  },

  async list(ctx) {
    const body = await ctx.api.get('/programs');
    show(ctx, body, () => (body.programs.length === 0 ? ['No programs yet; create one with `program create`.'] : body.programs.map(formatProgramLine)));
  },

  async show(ctx) {
    const body = await ctx.api.get(`/programs/${programArg(ctx)}`);
    show(ctx, body, () => formatProgram(body.program));
  },

  open: transitionTo('enrolling'),
  'new-cycle': transitionTo('matching'),
  close: transitionTo('closed'),

  async state(ctx) {
    const to = ctx.args[1];
    if (!to) throw new UsageError('name the state to move to, e.g. `state <program> enrolling`');
    await transitionTo(to)(ctx);
  },

  async enrol(ctx) {
    const body = await ctx.api.post(`/programs/${programArg(ctx)}/enrolment`, {
      ...(ctx.options['role'] !== undefined ? { role: str(ctx.options['role']) } : {}),
      canTeach: list(ctx.options['teach']) ?? [],
      wantsToLearn: list(ctx.options['learn']) ?? [],
      goals: list(ctx.options['goals']) ?? [],
      languages: list(ctx.options['languages']) ?? ['English'],
      doNotPairWith: list(ctx.options['avoid']) ?? [],
    });
    const e = body.enrolment;
    show(ctx, body, () => [
      `Enrolled ${e.profile.displayName} as ${e.role} (seniority level ${e.profile.seniorityLevel}, ${e.profile.timeZone}, ${e.profile.department || 'no department'})`,
    ]);
  },

  async invite(ctx) {
    const body = await ctx.api.post(`/programs/${programArg(ctx)}/invitations`, { user: str(ctx.options['user']), role: str(ctx.options['role']) });
    show(ctx, body, () => [`Invited ${body.invitation.displayName} as ${body.invitation.role}; they enrol themselves to accept.`]);
  },

  async enrolments(ctx) {
    const body = await ctx.api.get(`/programs/${programArg(ctx)}/enrolments`);
    show(ctx, body, () => [`${body.enrolments.length} enrolled`, ...body.enrolments.map(formatEnrolment)]);
  },

  async match(ctx) {
    const id = programArg(ctx);
    const { program } = await ctx.api.get(`/programs/${id}`);
    if (program.state === 'enrolling') await ctx.api.post(`/programs/${id}/transitions`, { to: 'matching' });
    await waitAndShow(ctx, id, await ctx.api.post(`/programs/${id}/matching`));
  },

  async review(ctx) {
    const body = await ctx.api.get(`/programs/${programArg(ctx)}/proposal`);
    show(ctx, body, () => formatProposal(body.proposal));
  },

  lock: reviewEdit('lock'),
  unlock: reviewEdit('unlock'),
  remove: reviewEdit('remove'),

  async swap(ctx) {
    const id = programArg(ctx);
    if (ctx.options['pair'] === undefined || ctx.options['with'] === undefined) throw new UsageError('swap needs --pair <n> --with <m> (pair numbers from `review`)');
    const body = await ctx.api.post(`/programs/${id}/proposal/swap`, { a: await pairRef(ctx, id, 'pair'), b: await pairRef(ctx, id, 'with') });
    show(ctx, body, () => formatProposal(body.proposal));
  },

  async rerun(ctx) {
    const id = programArg(ctx);
    await waitAndShow(ctx, id, await ctx.api.post(`/programs/${id}/proposal/rerun`));
  },

  async publish(ctx) {
    const body = await ctx.api.post(`/programs/${programArg(ctx)}/publish`);
    show(ctx, body, () => [`Published ${body.pairings.length} ${body.pairings.length === 1 ? 'pair' : 'pairs'}; ${body.program.name} is ${body.program.state}.`, ...body.pairings.flatMap(formatPairing)]);
  },

  ...ADMIN_COMMANDS,
  ...SEND_COMMANDS,

  async pairings(ctx) {
    const body = await ctx.api.get(`/programs/${programArg(ctx)}/pairings`);
    show(ctx, body, () => (body.pairings.length === 0 ? ['No pairs published yet.'] : body.pairings.flatMap(formatPairing)));
  },
};
