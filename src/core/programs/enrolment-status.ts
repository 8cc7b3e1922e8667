/**
 * Pausing, resuming and leaving. Leaving is no-fault and open to both sides: in reverse mentoring
 * the junior is the mentor, so the junior must be able to step out as easily as the senior.
 */
import { UpwardError } from '../errors.ts';
import type { EpochMs } from '../time.ts';
import type { Enrolment } from './enrolment.ts';

/** Longest note a leaver may keep with their exit (private to them and the program admin). */
export const MAX_LEAVE_REASON_LENGTH = 1000;

/** Paused until `until` (exclusive); a pause must end in the future. */
export function pauseEnrolment(enrolment: Enrolment, until: EpochMs, now: EpochMs): Enrolment {
  assertNotLeft(enrolment);
  if (until <= now) {
    throw new UpwardError('bad_input', 'A pause must end in the future', [
      { field: 'pausedUntil', message: 'Choose a date after today' },
    ]);
  }
  return { ...enrolment, pausedUntil: until };
}

export function resumeEnrolment(enrolment: Enrolment): Enrolment {
  assertNotLeft(enrolment);
  return { ...enrolment, pausedUntil: null };
}

/** Leaves the program at `now`; `reason` is optional and never shown to the partner. */
export function leaveProgram(enrolment: Enrolment, reason: string, now: EpochMs): Enrolment {
  assertNotLeft(enrolment);
  const note = reason.trim();
  if (note.length > MAX_LEAVE_REASON_LENGTH) {
    throw new UpwardError('bad_input', 'The note is too long', [
      { field: 'reason', message: `At most ${MAX_LEAVE_REASON_LENGTH} characters` },
    ]);
  }
  return { ...enrolment, pausedUntil: null, left: { at: now, reason: note } };
}

function assertNotLeft(enrolment: Enrolment): void {
  if (enrolment.left !== null) {
    throw new UpwardError('conflict', `${enrolment.profile.displayName} has already left this program`);
  }
}
