import type { DevDirectory } from '../directory/dev-directory.ts';
import type { GraphCaller } from '../http/caller.ts';

/**
 * Segments after `/users/{id}` (or `/me`) that Exchange serves: requests to them count against
 * the mailbox's limits. Directory reads (`/users/{id}`, manager, directReports) do not.
 */
const OUTLOOK_SEGMENTS = new Set(
  [
    'calendar', 'calendars', 'calendarGroups', 'calendarView', 'events', 'findMeetingTimes', 'getSchedule', 'mailboxSettings',
    'messages', 'mailFolders', 'contacts', 'contactFolders', 'outlook', 'inferenceClassification', 'sendMail', 'getMailTips',
    'reminderView', 'people',
  ].map((s) => s.toLowerCase()),
);

/** What a Graph request is aimed at, for throttling and fault injection. */
export interface MailboxTarget {
  /** The mailbox's owner as a directory object id (lower case), or the raw segment for an unknown user. */
  readonly mailbox: string | undefined;
  /** The mailbox's UPN when the owner is known (for readable stats). */
  readonly upn: string | undefined;
  /** True for Outlook resources, which Exchange throttles per app + mailbox. */
  readonly outlook: boolean;
  /** The path with `/me` spelled `/users/me`, for route patterns. */
  readonly normalizedPath: string;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The mailbox a Graph path (relative to /v1.0) addresses: the user in `/users/{id|upn}/...`, or
 * the signed-in user for `/me/...`. For getSchedule that is the URL's user, not the schedules
 * asked about, as in Exchange. A UPN and an object id of the same person are one mailbox.
 */
export function mailboxTarget(path: string, caller: GraphCaller, directory: DevDirectory): MailboxTarget {
  const segments = path.split('/').filter((s) => s !== '').map(decode);
  let owner: string | undefined;
  let rest: string[];
  const first = segments[0]?.toLowerCase();
  if (first === 'me') {
    owner = caller.userId;
    rest = segments.slice(1);
  } else if (first === 'users' && segments.length >= 2) {
    owner = segments[1];
    rest = segments.slice(2);
  } else {
    return { mailbox: undefined, upn: undefined, outlook: false, normalizedPath: path };
  }
  const normalizedPath = first === 'me' ? `/users/me${path.slice(3)}` : path;
  const outlook = rest.length > 0 && OUTLOOK_SEGMENTS.has(rest[0]!.toLowerCase());
  if (owner === undefined) return { mailbox: undefined, upn: undefined, outlook, normalizedPath };
  const person = directory.find(caller.tenantId, owner);
  return { mailbox: (person?.id ?? owner).toLowerCase(), upn: person?.userPrincipalName, outlook, normalizedPath };
}
