import type { UserId } from '../ids.ts';
import type { IanaZone } from '../time.ts';

export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** A person's working week as their mailbox states it, in their own zone. */
export interface WorkingWeek {
  readonly daysOfWeek: readonly DayOfWeek[];
  /** Local wall time, `HH:mm`. */
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: IanaZone;
}

export interface PersonRef {
  readonly id: UserId;
  readonly displayName: string;
  readonly jobTitle: string | null;
}

/** What Upward knows of a person from the directory and their mailbox settings. */
export interface Profile extends PersonRef {
  /** First name as the directory has it (not the first word of the display name). */
  readonly givenName: string | null;
  readonly mail: string | null;
  readonly userPrincipalName: string;
  readonly department: string | null;
  readonly officeLocation: string | null;
  readonly manager: PersonRef | null;
  /** The mailbox's zone as an IANA id, and the name the mailbox gave (often a Windows name). */
  readonly timeZone: { readonly iana: IanaZone; readonly label: string };
  readonly workingHours: WorkingWeek;
}
