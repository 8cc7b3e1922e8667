/** The program repositories over one connection or transaction, and running work in a transaction. */
import type { Kysely } from 'kysely';
import { enrolmentRepository, type EnrolmentRepository } from '../store/enrolments.ts';
import { invitationRepository, type InvitationRepository } from '../store/invitations.ts';
import { pairingRepository, type PairingRepository } from '../store/pairings.ts';
import { programAdminRepository, type ProgramAdminRepository } from '../store/program-admins.ts';
import { programEventRepository, type ProgramEventRepository } from '../store/program-events.ts';
import { programRepository, type ProgramRepository } from '../store/programs.ts';
import { proposalRepository, type ProposalRepository } from '../store/proposals.ts';
import type { Database } from '../store/schema.ts';

export interface ProgramRepos {
  readonly programs: ProgramRepository;
  /** Who administers each program (owner, co-admins). */
  readonly admins: ProgramAdminRepository;
  readonly enrolments: EnrolmentRepository;
  readonly invitations: InvitationRepository;
  readonly proposals: ProposalRepository;
  readonly pairings: PairingRepository;
  readonly events: ProgramEventRepository;
}

export function reposOf(db: Kysely<Database>): ProgramRepos {
  return {
    programs: programRepository(db),
    admins: programAdminRepository(db),
    enrolments: enrolmentRepository(db),
    invitations: invitationRepository(db),
    proposals: proposalRepository(db),
    pairings: pairingRepository(db),
    events: programEventRepository(db),
  };
}

/**
 * Runs `work` in one transaction: all its writes happen or none do, so a request refused half-way
 * (bad input, an illegal move, a broken rule) leaves the store as it found it.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (repos: ProgramRepos) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(reposOf(trx)));
}
