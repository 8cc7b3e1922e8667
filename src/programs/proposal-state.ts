/** Which proposal a program can have now, and whether the stored one may be reviewed or published. */
import type { Proposal } from '../core/matching/proposal.ts';
import type { Program } from '../core/programs/program.ts';
import type { ProposalKind, ProposalRecord } from '../store/proposals.ts';
import { conflict } from './access.ts';
import type { ProposalRuns } from './proposal-runs.ts';

/**
 * `cycle` while the program is in `matching` (a new round: everyone gets new partners);
 * `repair` while it is `active` (new partners only for people whose pair ended).
 */
export function kindFor(program: Program): ProposalKind {
  if (program.state === 'matching') return 'cycle';
  if (program.state === 'active') return 'repair';
  throw conflict(
    `Matching runs while a program is in matching (a new cycle) or active (new partners for people whose pair ended); "${program.name}" is ${program.state}`,
  );
}

/** The stored proposal if it can be reviewed or published now; otherwise a `conflict` saying why. */
export function requireReviewable(record: ProposalRecord | undefined, program: Program, runs: ProposalRuns): ProposalRecord & { proposal: Proposal } {
  if (record === undefined) throw conflict(`No matching has run for "${program.name}" yet; run matching first`);
  if (record.status === 'published') throw conflict(`The proposal for cycle ${record.cycle} of "${program.name}" is already published; run matching again for new pairs`);
  if (record.status === 'running' && runs.isLive(record)) throw conflict(`Matching is still running for "${program.name}"; wait for it to finish`);
  if (record.proposal === null) {
    throw conflict(`The last matching run for "${program.name}" did not finish${record.error ? `: ${record.error.message}` : ''}; run matching again`);
  }
  const kind = kindFor(program);
  if (record.cycle !== program.rotationCycle || record.kind !== kind) {
    throw conflict(
      `This proposal was made for cycle ${record.cycle} (${record.kind}) but "${program.name}" is now in cycle ${program.rotationCycle} (${kind}); run matching again`,
    );
  }
  return record as ProposalRecord & { proposal: Proposal };
}
