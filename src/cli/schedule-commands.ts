/**
 * The `upward schedule ...` commands: book a program's pairs as a durable run and follow it, and
 * show a pair's booked series with its explanation. Each is one or a few API calls; the server
 * decides and validates.
 */
import { readFileSync } from 'node:fs';
import type { CommandContext } from './program-commands.ts';
import { UsageError } from './program-commands.ts';
import { optionText } from './option-text.ts';
import { ApiError } from './api-client.ts';
import { pairingOf } from './pair-option.ts';
import { formatBooking, formatRun, formatRunLine } from './schedule-format.ts';

type Command = (ctx: CommandContext) => Promise<void>;


function show(ctx: CommandContext, body: unknown, lines: () => string[]): void {
  if (ctx.json) ctx.print(JSON.stringify(body, null, 2));
  else for (const line of lines()) ctx.print(line);
}

/**
 * Polls a run until it is done, printing a progress line whenever it moves. A failed attempt
 * ends the wait: the job resumes the run by itself, and `status` shows how it goes.
 */
async function follow(ctx: CommandContext, runId: string, first: any): Promise<any> {
  let run = first;
  let last = '';
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const line = formatRunLine(run);
    if (!ctx.json && line !== last) ctx.print(line);
    last = line;
    if (run.status === 'done' || run.status === 'failed') return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} is still going after 30 minutes; follow it with \`schedule status ${runId}\``);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    run = await ctx.api.get(`/scheduling/runs/${encodeURIComponent(runId)}`);
  }
}

/** `upward schedule run|status|show`. */
export const SCHEDULE_COMMANDS: Readonly<Record<string, Command>> = {
  /** `schedule run <program> [--cycle n]` or `schedule run --file cohort.json`, then follow it. */
  async run(ctx) {
    const file = optionText(ctx.options['file']);
    let started: any;
    if (file !== undefined) {
      started = await ctx.api.post('/scheduling/runs', JSON.parse(readFileSync(file, 'utf8')));
    } else {
      const program = ctx.args[0];
      if (!program) throw new UsageError('name the program whose published pairs to book (or give --file <cohort.json>)');
      const cycle = optionText(ctx.options['cycle']);
      started = await ctx.api.post(`/programs/${encodeURIComponent(program)}/schedule`, cycle === undefined ? {} : { cycle: Number(cycle) });
    }
    if (!ctx.json) ctx.print(started.created ? `Started run ${started.runId} for ${started.total} pairs.` : `This cycle already has run ${started.runId}.`);
    if (ctx.options['no-wait'] === true) {
      show(ctx, started, () => [formatRunLine(started.progress)]);
      return;
    }
    const run = await follow(ctx, started.runId, started.progress);
    const pairs = (await ctx.api.get(`/scheduling/runs/${encodeURIComponent(started.runId)}/pairs`)).pairs;
    show(ctx, { run, pairs }, () => formatRun(run, pairs));
  },

  /** `schedule status [<run>]`: one run's progress and each pair's result, or every run. */
  async status(ctx) {
    const runId = ctx.args[0];
    if (runId === undefined) {
      const { runs } = await ctx.api.get('/scheduling/runs');
      show(ctx, { runs }, () => (runs.length === 0 ? ['No scheduling runs yet.'] : runs.map(formatRunLine)));
      return;
    }
    const run = await ctx.api.get(`/scheduling/runs/${encodeURIComponent(runId)}`);
    const pairs = (await ctx.api.get(`/scheduling/runs/${encodeURIComponent(runId)}/pairs`)).pairs;
    show(ctx, { run, pairs }, () => formatRun(run, pairs));
  },

  /**
   * `schedule show [<booking> | <program> [--pair <n>]]`: a booked series with its explanation;
   * without an id, your own; for a program, its pairs' series from its latest run, or the one pair
   * `--pair` names (as `program send` names it).
   */
  async show(ctx) {
    const id = ctx.args[0];
    if (id === undefined) {
      const { bookings } = await ctx.api.get('/me/bookings');
      show(ctx, { bookings }, () => (bookings.length === 0 ? ['You have no booked series.'] : bookings.flatMap(formatBooking)));
      return;
    }
    if (optionText(ctx.options['pair']) !== undefined) {
      const pairing = await pairingOf(ctx, id);
      const booked = (await latestRunPairs(ctx, id)).find((p) => p.pairId === pairing);
      if (booked === undefined) throw new Error(`pair ${optionText(ctx.options['pair'])} has no booked series yet; book it with \`schedule run ${id}\``);
      const booking = await ctx.api.get(`/scheduling/bookings/${encodeURIComponent(booked.bookingId)}`);
      show(ctx, booking, () => formatBooking(booking));
      return;
    }
    const booking = await ctx.api.get(`/scheduling/bookings/${encodeURIComponent(id)}`).catch(async (error: unknown) => {
      // Not a booking: perhaps the program the admin just booked, which is the id they have at hand.
      if (!(error instanceof ApiError) || error.status !== 404 || !(await isProgram(ctx, id))) throw error;
      return undefined;
    });
    if (booking !== undefined) {
      show(ctx, booking, () => formatBooking(booking));
      return;
    }
    const pairs = await latestRunPairs(ctx, id);
    if (pairs.length === 0) throw new Error(`program ${id} has no booked series yet; book its published pairs with \`schedule run ${id}\``);
    const bookings = await Promise.all(pairs.map((p) => ctx.api.get(`/scheduling/bookings/${encodeURIComponent(p.bookingId)}`)));
    show(ctx, { bookings }, () => bookings.flatMap(formatBooking));
  },
};

/** Each pair's result in the program's latest scheduling run (the highest cycle, started last). */
async function latestRunPairs(ctx: CommandContext, program: string): Promise<Array<{ pairId: string; bookingId: string }>> {
  const { runs } = await ctx.api.get(`/scheduling/runs?programId=${encodeURIComponent(program)}`);
  const latest = (runs as Array<{ runId: string; cycle: number; startedAt: string | null }>)
    .sort((a, b) => b.cycle - a.cycle || String(b.startedAt ?? '').localeCompare(String(a.startedAt ?? '')))[0];
  if (latest === undefined) return [];
  return (await ctx.api.get(`/scheduling/runs/${encodeURIComponent(latest.runId)}/pairs`)).pairs;
}

async function isProgram(ctx: CommandContext, id: string): Promise<boolean> {
  try {
    await ctx.api.get(`/programs/${encodeURIComponent(id)}`);
    return true;
  } catch {
    return false;
  }
}
