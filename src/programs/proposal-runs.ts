/**
 * Matching runs in the background. A use case records the run as `running` (in its transaction)
 * and launches it here; the matcher works off the request path (the worker thread), and the
 * result is written back as `ready` or `failed` — unless a newer run has replaced this one in the
 * meantime, in which case the old result is dropped. Runs this process does not know of (it
 * restarted mid-run) are reported as interrupted and may be started again.
 */
import type { Kysely } from 'kysely';
import type { TenantId } from '../core/ids.ts';
import type { Proposal } from '../core/matching/proposal.ts';
import type { ProgramId } from '../core/programs/program.ts';
import type { ProposalRecord } from '../store/proposals.ts';
import type { Database } from '../store/schema.ts';
import { serialiseError, type MatchJob } from './match-runner.ts';
import type { ProgramPorts } from './ports.ts';
import { inTransaction } from './repositories.ts';

export interface ProposalRuns {
  /** Reserves a run id before its record is written, so the record is never seen as orphaned. */
  reserve(): string;
  /** Forgets a reserved run whose record was not written after all. */
  release(runId: string): void;
  /** Starts the reserved run `record.runId` on `job`. Call after the record is committed. */
  launch(record: ProposalRecord, job: MatchJob): void;
  /** Whether a `running` record belongs to a run this process is doing (false: interrupted). */
  isLive(record: ProposalRecord): boolean;
  /** Resolves when no run is in flight (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops the matcher; runs in flight are recorded as failed. */
  close(): Promise<void>;
}

export function proposalRuns(db: Kysely<Database>, ports: ProgramPorts): ProposalRuns {
  const live = new Map<string, Promise<void>>();

  const finish = async (
    tenantId: TenantId,
    programId: ProgramId,
    runId: string,
    outcome: (current: ProposalRecord) => Partial<ProposalRecord>,
  ): Promise<void> => {
    await inTransaction(db, async (repos) => {
      // Lock the program so a review edit or a new run cannot interleave with this write.
      await repos.programs.get(tenantId, programId, { forUpdate: true });
      const current = await repos.proposals.get(tenantId, programId);
      if (current === undefined || current.runId !== runId || current.status !== 'running') return;
      await repos.proposals.put(tenantId, { ...current, ...outcome(current), updatedAt: ports.now() });
    });
  };

  const idle = async (): Promise<void> => {
    while (live.size > 0) await Promise.all([...live.values()]);
  };

  return {
    reserve() {
      const runId = ports.newId();
      live.set(runId, Promise.resolve());
      return runId;
    },

    release(runId) {
      live.delete(runId);
    },

    launch(record, job) {
      const { tenantId, programId, runId } = record;
      const done = ports.matcher
        .run(job)
        .then(
          (proposal: Proposal) => finish(tenantId, programId, runId, () => ({ status: 'ready', proposal, error: null })),
          // A failed re-run keeps the proposal it started from (with its locks) under review.
          (error: unknown) =>
            finish(tenantId, programId, runId, (current) => ({ status: current.proposal === null ? 'failed' : 'ready', error: serialiseError(error) })),
        )
        .catch((error: unknown) => ports.onBackgroundError(error, `recording matching run ${runId} of program ${programId}`))
        .finally(() => live.delete(runId));
      live.set(runId, done);
    },

    isLive: (record) => record.status !== 'running' || live.has(record.runId),

    idle,

    async close() {
      await ports.matcher.close();
      await idle();
    },
  };
}
