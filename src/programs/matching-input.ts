/**
 * Everything the matcher reads for one program, loaded from the store: the program, every
 * enrolment (the matcher itself skips people who left or are paused), and who has met whom —
 * every pairing ever published, ended ones included, so nobody is paired with a former partner.
 */
import type { MatchingContext } from '../core/matching/context.ts';
import type { MetPair } from '../core/matching/history.ts';
import type { Pairing } from '../core/matching/repair.ts';
import type { Program } from '../core/programs/program.ts';
import type { EpochMs } from '../core/time.ts';
import type { PairingRecord } from '../store/pairings.ts';
import type { ProgramRepos } from './repositories.ts';

export interface MatchingInput {
  readonly context: MatchingContext;
  /** The program's pairings that are still running. */
  readonly running: readonly PairingRecord[];
}

export async function loadMatchingInput(repos: ProgramRepos, program: Program, now: EpochMs): Promise<MatchingInput> {
  const [enrolments, pairings] = await Promise.all([
    repos.enrolments.listForProgram(program.tenantId, program.id),
    repos.pairings.listForProgram(program.tenantId, program.id),
  ]);
  const history: MetPair[] = pairings.flatMap((p) => [
    { mentorId: p.mentorId, menteeId: p.menteeId, cycle: p.cycle },
    ...(p.coMentorId === null ? [] : [{ mentorId: p.coMentorId, menteeId: p.menteeId, cycle: p.cycle }]),
  ]);
  return {
    context: { program, enrolments, history, now },
    running: pairings.filter((p) => p.endedAt === null),
  };
}

/** A stored pairing as the core's running `Pairing`. */
export const asPairing = (record: PairingRecord): Pairing => ({
  mentorId: record.mentorId,
  menteeId: record.menteeId,
  coMentorId: record.coMentorId,
  cycle: record.cycle,
});
