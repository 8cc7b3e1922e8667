/**
 * Publishing the reviewed proposal: the pairs go live, the program becomes active (for a new
 * cycle; the previous cycle's pairs end as rotated), and `pairs.published` is recorded and then
 * delivered once, for the bot's pair introductions. Publishing again is an illegal transition.
 */
import type { Kysely } from 'kysely';
import type { Program } from '../core/programs/program.ts';
import { transition } from '../core/programs/transitions.ts';
import { pairingId, type PairingRecord } from '../store/pairings.ts';
import type { Database } from '../store/schema.ts';
import { administeredProgram, requireAdmin } from './access.ts';
import { deliver } from './deliver.ts';
import type { PairsPublished } from './events.ts';
import { loadMatchingInput } from './matching-input.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import type { ProposalRuns } from './proposal-runs.ts';
import { requireReviewable } from './proposal-state.ts';
import { checkPublishable } from './publish-check.ts';
import { inTransaction } from './repositories.ts';

export interface Published {
  readonly program: Program;
  readonly pairings: readonly PairingRecord[];
  readonly event: PairsPublished;
}

export function publishUseCase(db: Kysely<Database>, ports: ProgramPorts, runs: ProposalRuns) {
  return async function publish(actor: Actor, programId: string): Promise<Published> {
    requireAdmin(actor);
    const published = await inTransaction(db, async (repos): Promise<Published> => {
      const program = await administeredProgram(repos, actor, programId, true);
      const stored = await repos.proposals.get(actor.tenantId, program.id);
      const now = ports.now();
      const repair = program.state === 'active' && stored?.kind === 'repair' && stored.status !== 'published' && stored.cycle === program.rotationCycle;
      // Anything but a pending repair must be the move matching → active; the core refuses others.
      const next = repair ? program : transition(program, 'active', now);
      const record = requireReviewable(stored, program, runs);
      const { context, running } = await loadMatchingInput(repos, program, now);
      const fresh = checkPublishable(record.proposal, record.kind, context, running);

      if (!repair) await repos.pairings.endAllRunning(actor.tenantId, program.id, { at: now, reason: 'rotated' });
      const pairings: PairingRecord[] = fresh.map((pair) => ({
        tenantId: actor.tenantId,
        id: pairingId(ports.newId()),
        programId: program.id,
        cycle: program.rotationCycle,
        mentorId: pair.mentorId,
        menteeId: pair.menteeId,
        coMentorId: pair.coMentorId,
        score: pair.score,
        reasons: pair.reasons,
        publishedAt: now,
        endedAt: null,
        endReason: null,
        endedBy: null,
      }));
      await repos.pairings.insertMany(actor.tenantId, pairings);
      if (next !== program) await repos.programs.update(actor.tenantId, next);
      await repos.proposals.put(actor.tenantId, { ...record, status: 'published', updatedAt: now });
      const event: PairsPublished = {
        type: 'pairs.published',
        id: ports.newId(),
        tenantId: actor.tenantId,
        programId: program.id,
        programName: program.name,
        cycle: program.rotationCycle,
        kind: record.kind,
        pairs: pairings.map((p) => ({ pairingId: p.id, mentorId: p.mentorId, menteeId: p.menteeId, coMentorId: p.coMentorId, reasons: p.reasons })),
        occurredAt: now,
      };
      await repos.events.append(actor.tenantId, { tenantId: actor.tenantId, id: event.id, programId: program.id, type: event.type, payload: event, occurredAt: now });
      return { program: next, pairings, event };
    });
    await deliver(ports, published.event);
    return published;
  };
}
