/**
 * The shapes the tab exchanges with Upward's HTTP API. The tab is a separate browser bundle and may
 * not import server code, so these mirror the server's responses by hand.
 */

/** `GET /api/tab-config`: what the tab needs to sign a person in. Served without a token. */
export interface TabConfig {
  readonly tenantId: string;
  readonly clientId: string;
  /** e.g. `https://login.microsoftonline.com` or the development tenant's base URL. */
  readonly loginBaseUrl: string;
  /** The delegated scope of Upward's API, e.g. `api://host/client-id/access_as_user`. */
  readonly apiScope: string;
}

/** A person's manager as the directory knows them. */
export interface ManagerSummary {
  readonly id: string;
  readonly displayName: string;
  readonly jobTitle: string | null;
}

/** Graph-style working hours from the person's mailbox settings. */
export interface WorkingHours {
  /** Lower-case English day names, e.g. `['monday', 'tuesday']`. */
  readonly daysOfWeek: readonly string[];
  /** `HH:mm`. */
  readonly startTime: string;
  /** `HH:mm`. */
  readonly endTime: string;
  /** The zone the hours are written in, as the mailbox names it (Windows or IANA name). */
  readonly timeZone: string;
}

/** The signed-in person, as `GET /api/me` returns it. */
export interface Profile {
  readonly id: string;
  readonly displayName: string;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly mail: string | null;
  readonly userPrincipalName: string;
  readonly officeLocation: string | null;
  readonly manager: ManagerSummary | null;
  readonly timeZone: { readonly iana: string; readonly label: string };
  readonly workingHours: WorkingHours;
  readonly roles: readonly string[];
}

/** `GET /api/me`. */
export interface MeResponse {
  readonly profile: Profile;
}

/** The body of every error response from the API. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly fields?: readonly { readonly field: string; readonly message: string }[];
  };
}

/** The app role that unlocks the program admin view. */
export const PROGRAM_ADMIN_ROLE = 'Upward.ProgramAdmin';
