/**
 * Everything the matcher reads, passed in whole: the program, its enrolments, who met whom, and
 * the current instant. Checked once so a mix-up (another tenant's enrolment, the same person
 * twice) fails loudly instead of producing a plausible but wrong proposal.
 */
import { badInput } from '../errors.ts';
import type { UserId } from '../ids.ts';
import type { Enrolment } from '../programs/enrolment.ts';
import type { Program } from '../programs/program.ts';
import type { EpochMs } from '../time.ts';
import type { MetHistory } from './history.ts';

export interface MatchingContext {
  readonly program: Program;
  readonly enrolments: readonly Enrolment[];
  readonly history: MetHistory;
  readonly now: EpochMs;
}

/** Enrolments by user id, after checking they all belong to this program and tenant. */
export function enrolmentsById(context: MatchingContext): ReadonlyMap<UserId, Enrolment> {
  const { program } = context;
  const byId = new Map<UserId, Enrolment>();
  for (const enrolment of context.enrolments) {
    if (enrolment.tenantId !== program.tenantId || enrolment.programId !== program.id) {
      throw badInput(`Enrolment of ${enrolment.userId} belongs to another program or organisation`);
    }
    if (byId.has(enrolment.userId)) throw badInput(`${enrolment.userId} is enrolled twice`);
    byId.set(enrolment.userId, enrolment);
  }
  return byId;
}

/** The enrolment of `id`, or `not_found`-style bad input naming the person. */
export function enrolmentOf(byId: ReadonlyMap<UserId, Enrolment>, id: UserId): Enrolment {
  const enrolment = byId.get(id);
  if (enrolment === undefined) throw badInput(`${id} is not enrolled in this program`);
  return enrolment;
}
