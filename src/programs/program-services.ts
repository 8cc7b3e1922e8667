/**
 * The program capability's use cases, built once by the composition root and handed to the HTTP
 * edge. Every method takes the calling `Actor` first and checks what that actor may do.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { enrolmentUseCases, type EnrolmentUseCases } from './enrolment-use-cases.ts';
import { invitationUseCases, type InvitationUseCases } from './invitation-use-cases.ts';
import { matchingUseCases, type MatchingUseCases } from './matching-use-cases.ts';
import { pairingUseCases, type PairingUseCases } from './pairing-use-cases.ts';
import type { Actor, ProgramPorts } from './ports.ts';
import { programAdminUseCases, type ProgramAdminUseCases } from './program-admin-use-cases.ts';
import { programUseCases, type ProgramUseCases } from './program-use-cases.ts';
import { proposalRuns } from './proposal-runs.ts';
import { programAccess, type ProgramAccess } from './program-access.ts';
import { publishUseCase, type Published } from './publish-use-case.ts';
import { reviewUseCases, type ReviewUseCases } from './review-use-cases.ts';

export interface ProgramServices {
  readonly programs: ProgramUseCases;
  /** Who runs each program: owner, co-admins, claiming an unclaimed one. */
  readonly admins: ProgramAdminUseCases;
  /** Whether the caller may manage a program, for routes outside these use cases (health, scheduling). */
  readonly access: ProgramAccess;
  readonly enrolments: EnrolmentUseCases;
  readonly invitations: InvitationUseCases;
  readonly matching: MatchingUseCases;
  readonly review: ReviewUseCases;
  readonly publish: (actor: Actor, programId: string) => Promise<Published>;
  readonly pairings: PairingUseCases;
  /** Resolves when no matching run is in flight. */
  idle(): Promise<void>;
  /** Stops the matcher (runs in flight are recorded as failed). */
  close(): Promise<void>;
}

export function createProgramServices(db: Kysely<Database>, ports: ProgramPorts): ProgramServices {
  const runs = proposalRuns(db, ports);
  return {
    programs: programUseCases(db, ports),
    admins: programAdminUseCases(db, ports),
    access: programAccess(db),
    enrolments: enrolmentUseCases(db, ports),
    invitations: invitationUseCases(db, ports),
    matching: matchingUseCases(db, ports, runs),
    review: reviewUseCases(db, ports, runs),
    publish: publishUseCase(db, ports, runs),
    pairings: pairingUseCases(db, ports),
    idle: () => runs.idle(),
    close: () => runs.close(),
  };
}
