/** Graph's `dayOfWeek` enum members. */
export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** A person's working hours as their mailbox states them (times are local to `timeZone`). */
export interface DevWorkingHours {
  readonly daysOfWeek: readonly DayOfWeek[];
  /** "HH:mm", local wall-clock time. */
  readonly startTime: string;
  readonly endTime: string;
  /** The zone name as the mailbox spells it: a Windows name or an IANA id. */
  readonly timeZone: string;
}

/** One seeded person of a development organisation. */
export interface DevPerson {
  readonly tenantId: string;
  /** Directory object id (Graph `id`, token `oid`). */
  readonly id: string;
  readonly givenName: string;
  readonly surname: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string;
  readonly mailNickname: string;
  readonly jobTitle: string;
  readonly department: string;
  /** Seniority 1 (graduate) .. 10 (chief executive). */
  readonly level: number;
  /** Distance from the chief executive (0 for the root). */
  readonly depth: number;
  readonly managerId: string | null;
  readonly employeeId: string;
  readonly employeeType: 'Employee' | 'Contractor';
  /** ISO date-time, midnight UTC of the first working day. */
  readonly employeeHireDate: string;
  readonly createdDateTime: string;
  readonly accountEnabled: boolean;
  readonly officeLocation: string;
  readonly city: string;
  readonly country: string;
  readonly usageLocation: string;
  readonly businessPhones: readonly string[];
  readonly mobilePhone: string | null;
  readonly preferredLanguage: string;
  /** The person's IANA zone (what their office clock shows). */
  readonly ianaTimeZone: string;
  /** The mailbox time zone as Graph reports it: a Windows name ("India Standard Time") or IANA id. */
  readonly mailboxTimeZone: string;
  readonly workingHours: DevWorkingHours;
  /** Holds the Upward.ProgramAdmin app role (an HR / L&D person who runs programs). */
  readonly isProgramAdmin: boolean;
}

/** One generated organisation (a tenant). */
export interface DevOrganisation {
  readonly tenantId: string;
  readonly displayName: string;
  /** The verified domain of UPNs and mail addresses. */
  readonly domain: string;
  /** In generation order: the chief executive first, then breadth-first down the tree. */
  readonly people: readonly DevPerson[];
}
