/**
 * Shapes shared by the calendar module: the people it serves (given by the directory), the caller
 * (given by the identity layer), and the entries a person's calendar holds.
 */

/** A person whose calendar the development tenant simulates; the directory supplies these. */
export interface CalendarPerson {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  /** IANA zone the person lives in; generated items follow it. */
  timeZone: string;
  /** The mailbox's zone as stored (Windows or IANA name); echoed in getSchedule's workingHours. */
  mailboxTimeZone: string;
  workingHours: { daysOfWeek: string[]; startTime: string /* HH:mm */; endTime: string };
  /** 1 (new joiner) .. 10 (executive); drives how booked the generated calendar is. */
  seniority: number;
  tenantId: string;
}

/** Read access to the organisation; the lead adapts the identity/directory module to this. */
export interface CalendarDirectory {
  /** Looks a person up by directory object id, user principal name or mail (case-insensitive). */
  byIdOrAddress(tenantId: string, idOrAddress: string): CalendarPerson | undefined;
  all(tenantId: string): Iterable<CalendarPerson>;
}

/** Who is calling, as the token middleware established it. */
export interface CalendarAuth {
  tenantId: string;
  kind: 'app' | 'delegated';
  userId?: string;
  roles: string[];
  scopes: string[];
}

/** Graph's freeBusyStatus. */
export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/** Graph's responseType. */
export type ResponseType = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

/** Graph's sensitivity. */
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';

/** A zone as the client named it plus the IANA zone it resolves to. */
export interface NamedZone {
  /** As given (Windows or IANA name), echoed back in responses. */
  name: string;
  iana: string;
}

/**
 * One visible item of a person's calendar in UTC epoch milliseconds: what free/busy, getSchedule
 * and calendarView work on. `status` is as seen by that person (an unanswered invitation is
 * tentative for the attendee even when the organizer shows busy).
 */
export interface CalendarEntry {
  startMs: number;
  endMs: number;
  status: FreeBusyStatus;
  isPrivate: boolean;
  subject: string;
  location: string;
  /** Orders entries that start together, stably across requests (paging relies on it). */
  sortKey: string;
  /** Where the entry came from, so views can render the full event lazily. */
  source: EntrySource;
}

/** Generated items are regenerated from the seed; API items come from the event store. */
export type EntrySource =
  | { kind: 'generated'; itemKey: string; seriesKey?: string; originalStartMs?: number }
  | { kind: 'meeting'; meetingKey: string; originalStartMs?: number; isException: boolean };
