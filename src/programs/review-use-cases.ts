/**
 * The admin's review of the proposal: lock, unlock, remove, swap, accept a trio. Each edit runs
 * the core's pure review function on the stored proposal and the current enrolments inside one
 * transaction (the program row locked), so an edit that breaks a rule changes nothing.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from '../core/errors.ts';
import { userId } from '../core/ids.ts';
import type { MatchingContext } from '../core/matching/context.ts';
import { samePair, type PairRef, type Proposal } from '../core/matching/proposal.ts';
import { acceptTrio, lockPair, removePair, swapPartners, unlockPair } from '../core/matching/review.ts';
import { parseOrThrow } from '../core/programs/validation.ts';
import type { PairingRecord } from '../store/pairings.ts';
import type { ProposalRecord } from '../store/proposals.ts';
import type { Database } from '../store/schema.ts';
import { administeredProgram, conflict, requireAdmin } from './access.ts';
import { loadMatchingInput } from './matching-input.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import type { ProposalRuns } from './proposal-runs.ts';
import { requireReviewable } from './proposal-state.ts';
import { inTransaction } from './repositories.ts';

const id = z.string({ error: 'A person id is required' }).trim().min(1, { error: 'A person id is required' });
const pairSchema = z.strictObject({ mentorId: id, menteeId: id });
const swapSchema = z.strictObject({ a: pairSchema, b: pairSchema });
const trioSchema = z.strictObject({ mentorId: id, pair: pairSchema });

const refOf = (pair: z.output<typeof pairSchema>): PairRef => ({ mentorId: userId(pair.mentorId), menteeId: userId(pair.menteeId) });

export interface ReviewUseCases {
  lock(actor: Actor, programId: string, body: unknown): Promise<ProposalRecord>;
  unlock(actor: Actor, programId: string, body: unknown): Promise<ProposalRecord>;
  remove(actor: Actor, programId: string, body: unknown): Promise<ProposalRecord>;
  swap(actor: Actor, programId: string, body: unknown): Promise<ProposalRecord>;
  acceptTrio(actor: Actor, programId: string, body: unknown): Promise<ProposalRecord>;
}

type Edit = (proposal: Proposal, context: MatchingContext, running: readonly PairingRecord[]) => Proposal;

export function reviewUseCases(db: Kysely<Database>, ports: ProgramPorts, runs: ProposalRuns): ReviewUseCases {
  const revise = (actor: Actor, programId: string, edit: Edit): Promise<ProposalRecord> => {
    requireAdmin(actor);
    return inTransaction(db, async (repos) => {
      const program = await administeredProgram(repos, actor, programId, true);
      const record = requireReviewable(await repos.proposals.get(actor.tenantId, program.id), program, runs);
      const { context, running } = await loadMatchingInput(repos, program, ports.now());
      const revised: ProposalRecord = {
        ...record,
        status: 'ready',
        proposal: edit(record.proposal, context, running),
        updatedAt: ports.now(),
      };
      await repos.proposals.put(actor.tenantId, revised);
      return revised;
    });
  };

  return {
    lock(actor, programId, body) {
      const ref = refOf(parseOrThrow(pairSchema, body ?? {}, 'pair'));
      return revise(actor, programId, (proposal) => lockPair(proposal, ref));
    },

    unlock(actor, programId, body) {
      const ref = refOf(parseOrThrow(pairSchema, body ?? {}, 'pair'));
      return revise(actor, programId, (proposal, _context, running) => {
        // In a repair, running pairs come back locked; they end only when someone leaves them.
        if (running.some((pairing) => samePair(pairing, ref))) {
          throw conflict('This pair is already running; it ends only when one of them leaves it');
        }
        return unlockPair(proposal, ref);
      });
    },

    remove(actor, programId, body) {
      const ref = refOf(parseOrThrow(pairSchema, body ?? {}, 'pair'));
      return revise(actor, programId, (proposal, context) => removePair(proposal, ref, context));
    },

    swap(actor, programId, body) {
      const { a, b } = parseOrThrow(swapSchema, body ?? {}, 'swap');
      return revise(actor, programId, (proposal, context) => swapPartners(proposal, refOf(a), refOf(b), context));
    },

    acceptTrio(actor, programId, body) {
      const { mentorId, pair } = parseOrThrow(trioSchema, body ?? {}, 'trio');
      const ref = refOf(pair);
      return revise(actor, programId, (proposal, context) => {
        const suggestion = proposal.trioSuggestions.find((s) => s.mentorId === mentorId && samePair(s.pair, ref));
        if (!suggestion) throw notFound(`No trio suggestion of ${mentorId} joining ${ref.mentorId} and ${ref.menteeId}`);
        return acceptTrio(proposal, suggestion, context);
      });
    },
  };
}
