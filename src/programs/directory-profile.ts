/**
 * Enrolment's prefill: what the directory says about a person, in the shape the core's
 * enrolment validation expects (`directoryProfileSchema`): department, title, manager chain,
 * seniority (from the manager chain, see `seniority.ts`), time zone, and working hours: on the
 * UTC week of the program's start for the matcher (see `working-week-utc.ts`), and as the
 * mailbox states them for timing on a given date. Zones are kept under IANA's current names
 * ("Asia/Kolkata", not "Asia/Calcutta"), whichever spelling the directory hands over, so what is
 * stored at enrolment reads the same in every view.
 */
import type { UserId } from '../core/ids.ts';
import type { DirectoryProfile } from '../core/programs/enrolment.ts';
import type { Program } from '../core/programs/program.ts';
import { currentZoneName } from '../core/time/zone-names.ts';
import type { ProgramDirectory } from './ports.ts';
import { seniorityFromDepth } from './seniority.ts';
import { weeklyWorkingMinutesUtc } from './working-week-utc.ts';

/** Reads the person's profile and manager chain (in parallel) and derives the matcher's fields. */
export async function readDirectoryProfile(directory: ProgramDirectory, userId: UserId, program: Program): Promise<DirectoryProfile> {
  const [profile, chain] = await Promise.all([directory.readProfile(userId), directory.readManagerChain(userId)]);
  return {
    displayName: profile.displayName,
    department: profile.department ?? '',
    jobTitle: profile.jobTitle ?? '',
    managerChain: chain.map((manager) => manager.id),
    seniorityLevel: seniorityFromDepth(chain.length),
    timeZone: currentZoneName(profile.timeZone.iana),
    // Named as the enrolment's other directory fields are, should the mailbox's hours be unusable.
    weeklyWorkingMinutesUtc: weeklyWorkingMinutesUtc(profile.workingHours, program.term.start, 'profile.workingHours'),
    // The same hours on the person's own clock, for timing on a given date (agendas) across DST.
    workingHours: {
      daysOfWeek: profile.workingHours.daysOfWeek,
      start: profile.workingHours.startTime,
      end: profile.workingHours.endTime,
      zone: currentZoneName(profile.workingHours.timeZone),
    },
  };
}
