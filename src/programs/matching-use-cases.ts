/**
 * Starting matching runs and reading the proposal. A run is recorded as `running` and computed
 * in the background (`proposal-runs.ts`); callers poll the proposal until it is `ready`.
 */
import type { Kysely } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { MatchingOptions } from '../core/matching/assign.ts';
import type { Program } from '../core/programs/program.ts';
import type { ProposalRecord } from '../store/proposals.ts';
import type { Database } from '../store/schema.ts';
import { administeredProgram, conflict, requireAdmin } from './access.ts';
import { asPairing, loadMatchingInput } from './matching-input.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import type { ProposalRuns } from './proposal-runs.ts';
import { kindFor, requireReviewable } from './proposal-state.ts';
import type { MatchJob } from './match-runner.ts';
import { inTransaction, reposOf, type ProgramRepos } from './repositories.ts';

export interface MatchingUseCases {
  /**
   * Starts a fresh run for the program's current state: a new cycle while `matching`, a repair
   * (people without a partner; running pairs kept) while `active`. Replaces any proposal under
   * review. Returns the `running` record at once.
   */
  run(actor: Actor, programId: string): Promise<ProposalRecord>;
  /** Re-runs the proposal under review, keeping its locked pairs and its removed pairs removed. */
  rerun(actor: Actor, programId: string): Promise<ProposalRecord>;
  /** The proposal (or run) for the program, and whether a `running` one is really running. */
  proposal(actor: Actor, programId: string): Promise<{ record: ProposalRecord; live: boolean; program: Program }>;
}

export function matchingUseCases(db: Kysely<Database>, ports: ProgramPorts, runs: ProposalRuns): MatchingUseCases {
  /** Records a `running` run built by `prepare` in one transaction, then launches it. */
  const start = async (
    actor: Actor,
    programId: string,
    prepare: (repos: ProgramRepos, program: Program, existing: ProposalRecord | undefined) => Promise<{ job: MatchJob; previous: ProposalRecord['proposal'] }>,
  ): Promise<ProposalRecord> => {
    requireAdmin(actor);
    const runId = runs.reserve();
    try {
      const { record, job } = await inTransaction(db, async (repos) => {
        const program = await administeredProgram(repos, actor, programId, true);
        const existing = await repos.proposals.get(actor.tenantId, program.id);
        if (existing?.status === 'running' && runs.isLive(existing)) {
          throw conflict(`Matching is already running for "${program.name}"; wait for it to finish`);
        }
        const { job, previous } = await prepare(repos, program, existing);
        const now = ports.now();
        const record: ProposalRecord = {
          tenantId: actor.tenantId,
          programId: program.id,
          kind: kindFor(program),
          cycle: program.rotationCycle,
          status: 'running',
          runId,
          proposal: previous,
          error: null,
          startedAt: now,
          updatedAt: now,
        };
        await repos.proposals.put(actor.tenantId, record);
        return { record, job };
      });
      runs.launch(record, job);
      return record;
    } catch (error) {
      runs.release(runId);
      throw error;
    }
  };

  return {
    run: (actor, programId) =>
      start(actor, programId, async (repos, program) => {
        const kind = kindFor(program);
        const { context, running } = await loadMatchingInput(repos, program, ports.now());
        // A repair keeps every running pair; a new cycle rotates everyone (history forbids repeats).
        const options: MatchingOptions = kind === 'repair' ? { keep: running.map(asPairing) } : {};
        return { job: { context, options }, previous: null };
      }),

    rerun: (actor, programId) =>
      start(actor, programId, async (repos, program, existing) => {
        const { proposal } = requireReviewable(existing, program, runs);
        const { context } = await loadMatchingInput(repos, program, ports.now());
        const options: MatchingOptions = { keep: proposal.pairs.filter((pair) => pair.locked), rejected: proposal.rejected };
        return { job: { context, options }, previous: proposal };
      }),

    async proposal(actor, programId) {
      const repos = reposOf(db);
      const program = await administeredProgram(repos, actor, programId);
      const record = await repos.proposals.get(actor.tenantId, program.id);
      if (!record) throw notFound(`No matching has run for "${program.name}" yet`);
      return { record, live: runs.isLive(record), program };
    },
  };
}
