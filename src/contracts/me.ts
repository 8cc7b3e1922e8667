/** `GET /api/me`: the signed-in person, read live from the directory. */

/** The app role that makes a person a program admin (assigned in Entra ID, carried in `roles`). */
export type ProgramAdminRole = 'Upward.ProgramAdmin';

/** A person's manager as the directory knows them. */
export interface ManagerSummary {
  readonly id: string;
  readonly displayName: string;
  readonly jobTitle: string | null;
}

/** Lower-case English day names. */
export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** Graph-style working hours from the person's mailbox settings. */
export interface WorkingHours {
  /** e.g. `['monday', 'tuesday']`. */
  readonly daysOfWeek: readonly DayOfWeek[];
  /** `HH:mm`. */
  readonly startTime: string;
  /** `HH:mm`. */
  readonly endTime: string;
  /** The zone the hours are in, as an IANA id. */
  readonly timeZone: string;
}

/** The signed-in person. */
export interface Profile {
  readonly id: string;
  readonly displayName: string;
  /** First name as the directory has it (not the first word of the display name). */
  readonly givenName: string | null;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly mail: string | null;
  readonly userPrincipalName: string;
  readonly officeLocation: string | null;
  readonly manager: ManagerSummary | null;
  /** The mailbox's zone as an IANA id, and the name the mailbox gave (often a Windows name). */
  readonly timeZone: { readonly iana: string; readonly label: string };
  readonly workingHours: WorkingHours;
  /** App roles from the token, e.g. {@link ProgramAdminRole}. */
  readonly roles: readonly string[];
}

export interface MeResponse {
  readonly profile: Profile;
}
