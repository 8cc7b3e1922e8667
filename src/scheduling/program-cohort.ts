import { notFound, UpwardError } from '../core/errors.ts';
import type { TenantId } from '../core/ids.ts';
import { programId as toProgramId } from '../core/programs/program.ts';
import { pairingRepository } from '../store/pairings.ts';
import { programRepository } from '../store/programs.ts';
import type { SchedulingDeps } from './deps.ts';
import type { CohortRequestInput } from './requests.ts';

const DAY = 86_400_000;
const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The cohort request for a program's published pairs of one cycle (the current rotation cycle
 * unless given): the program's cadence, session length, term and organiser rule, its topic
 * tracks as the agenda, and each running pairing as a pair (mailboxes and names are read from the
 * directory when the run starts).
 *
 * The program's term is an instant range; its dates are taken in UTC (first day, and the day
 * of the last instant before the end).
 * @throws `not_found` for an unknown program, `conflict` when the cycle has no running pairs.
 */
export async function cohortFromProgram(deps: SchedulingDeps, tenantId: TenantId, programId: string, cycle?: number): Promise<CohortRequestInput> {
  const program = await programRepository(deps.db).get(tenantId, toProgramId(programId));
  if (program === undefined) throw notFound(`There is no program ${programId}`);
  const wanted = cycle ?? program.rotationCycle;
  const pairings = (await pairingRepository(deps.db).listForProgram(tenantId, program.id, { runningOnly: true })).filter((p) => p.cycle === wanted);
  if (pairings.length === 0) throw new UpwardError('conflict', `Program "${program.name}" has no published pairs in cycle ${wanted} to schedule`);
  return {
    programId: program.id,
    cycle: wanted,
    settings: {
      cadence: program.cadence,
      durationMinutes: program.sessionMinutes,
      term: { start: utcDate(program.term.start), end: utcDate(Math.max(program.term.start + DAY, program.term.end - 1)) },
      organiser: program.organiser,
      programName: program.name.slice(0, 120),
      agenda: program.topicTracks.slice(0, 20).map((track) => `Topic track: ${track}`),
    },
    // A trio's second mentor is not booked here: the series is for the pair (see the README).
    pairs: pairings.map((p) => ({ pairId: p.id, mentor: { userId: p.mentorId }, mentee: { userId: p.menteeId } })),
  };
}
