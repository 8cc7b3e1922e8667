/**
 * A no-fault exit from a running pairing, stored. The core (`endPairNoFault`) decides who is
 * told what and who needs a partner; this records it: the pairing ends (or, for a trio that loses
 * a mentor, continues as a pair while the leaver's part is kept as ended history, so the two are
 * never paired again), and a `pair.ended` event is recorded for the neutral notices.
 */
import type { UserId } from '../core/ids.ts';
import { endPairNoFault } from '../core/matching/repair.ts';
import type { Program } from '../core/programs/program.ts';
import type { EpochMs } from '../core/time.ts';
import { pairingId, type PairingRecord } from '../store/pairings.ts';
import type { PairEnded } from './events.ts';
import { asPairing, loadMatchingInput } from './matching-input.ts';
import type { ProgramRepos } from './repositories.ts';

/** Ends `pairing` for `leaverId` inside the caller's transaction; returns the event to publish. */
export async function exitPairing(
  repos: ProgramRepos,
  program: Program,
  pairing: PairingRecord,
  leaverId: UserId,
  now: EpochMs,
  newId: () => string,
): Promise<PairEnded> {
  const { context, running } = await loadMatchingInput(repos, program, now);
  const ended = endPairNoFault(running.map(asPairing), pairing, leaverId, context);
  const tenantId = program.tenantId;
  // A trio that loses a mentor goes on as a pair (the core's rule); anything else ends.
  if (pairing.coMentorId !== null && leaverId !== pairing.menteeId) {
    const stays = leaverId === pairing.mentorId ? pairing.coMentorId : pairing.mentorId;
    await repos.pairings.replaceMembers(tenantId, pairing.id, { mentorId: stays, coMentorId: null });
    await repos.pairings.insertMany(tenantId, [
      {
        ...pairing,
        id: pairingId(newId()),
        mentorId: leaverId,
        coMentorId: null,
        score: 0,
        reasons: [],
        endedAt: now,
        endReason: 'no_fault',
        endedBy: leaverId,
      },
    ]);
  } else {
    await repos.pairings.end(tenantId, pairing.id, { at: now, reason: 'no_fault', by: leaverId });
  }
  const event: PairEnded = {
    type: 'pair.ended',
    id: newId(),
    tenantId,
    programId: program.id,
    pairingId: pairing.id,
    notices: ended.notices,
    needsPartner: ended.needsPartner,
    occurredAt: now,
  };
  await repos.events.append(tenantId, { tenantId, id: event.id, programId: program.id, type: event.type, payload: event, occurredAt: now });
  return event;
}
