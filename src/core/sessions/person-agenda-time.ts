/**
 * When one person's agenda goes out, from what their enrolment knows of their working hours:
 * always computed on their own clock in their own zone on the session's date, so it stays inside
 * their hours on both sides of a daylight-saving change.
 */
import type { DirectoryProfile } from '../programs/enrolment.ts';
import { ianaZone, type EpochMs } from '../time.ts';
import { agendaSendTime, type WorkingWeek } from './agenda-send-time.ts';
import { localWorkingWeek } from './local-working-week.ts';

/** Working hours assumed when the person's own are unknown to Upward. */
export const DEFAULT_WORKING_WEEK: WorkingWeek = { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], start: '09:00', end: '17:00' };

/**
 * The instant the agenda of the session starting at `sessionStart` goes to a person with
 * `profile` (see `agendaSendTime` for the rule). Their hours are, in order: the mailbox's own
 * working hours in its zone (`profile.workingHours`); else the enrolment's UTC week read back
 * with the offsets of the week it was written for, `hoursWrittenFor` (the program's start);
 * else `DEFAULT_WORKING_WEEK` in their zone, UTC without a profile.
 */
export function personAgendaTime(sessionStart: EpochMs, profile: DirectoryProfile | undefined, hoursWrittenFor: EpochMs): EpochMs {
  if (profile?.workingHours !== undefined) {
    const { zone, ...week } = profile.workingHours;
    return agendaSendTime(sessionStart, week, zone);
  }
  const zone = profile?.timeZone ?? ianaZone('UTC');
  const own = profile === undefined ? undefined : localWorkingWeek(profile.weeklyWorkingMinutesUtc, zone, hoursWrittenFor);
  return agendaSendTime(sessionStart, own ?? DEFAULT_WORKING_WEEK, zone);
}
