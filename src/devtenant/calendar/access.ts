import { accessDenied, invalidUser, meNeedsDelegated } from './errors.ts';
import type { CalendarAuth, CalendarDirectory, CalendarPerson } from './types.ts';

/**
 * Graph's permission rules for calendars. Application roles reach every mailbox; delegated scopes
 * reach the signed-in user's own mailbox, and another person's only through the `.Shared` scopes.
 * Calendars.ReadBasic reads events without their bodies.
 */

export type AccessNeed = 'readBasic' | 'read' | 'write';

const APP_ROLES: Record<AccessNeed, readonly string[]> = {
  readBasic: ['calendars.readbasic.all', 'calendars.readbasic', 'calendars.read', 'calendars.readwrite'],
  read: ['calendars.read', 'calendars.readwrite'],
  write: ['calendars.readwrite'],
};
const OWN_SCOPES: Record<AccessNeed, readonly string[]> = {
  readBasic: ['calendars.readbasic', 'calendars.read', 'calendars.readwrite', 'calendars.read.shared', 'calendars.readwrite.shared'],
  read: ['calendars.read', 'calendars.readwrite', 'calendars.read.shared', 'calendars.readwrite.shared'],
  write: ['calendars.readwrite', 'calendars.readwrite.shared'],
};
const SHARED_SCOPES: Record<AccessNeed, readonly string[]> = {
  readBasic: ['calendars.read.shared', 'calendars.readwrite.shared'],
  read: ['calendars.read.shared', 'calendars.readwrite.shared'],
  write: ['calendars.readwrite.shared'],
};

/** A mailbox the caller may use, and in what way. */
export interface MailboxAccess {
  person: CalendarPerson;
  /** The signed-in user (delegated calls only). */
  me?: CalendarPerson;
  /** Delegated call on the signed-in user's own mailbox. */
  isOwn: boolean;
  /** Granted only Calendars.ReadBasic: bodies are left out. */
  basicOnly: boolean;
}

function granted(auth: CalendarAuth): Set<string> {
  return new Set((auth.kind === 'app' ? auth.roles : auth.scopes).map((p) => p.toLowerCase()));
}

/** The signed-in user of a delegated call (throws Graph's error for app tokens on /me). */
export function signedInUser(directory: CalendarDirectory, auth: CalendarAuth): CalendarPerson {
  if (auth.kind !== 'delegated') throw meNeedsDelegated();
  const me = auth.userId === undefined ? undefined : directory.byIdOrAddress(auth.tenantId, auth.userId);
  if (!me) throw invalidUser(auth.userId ?? '');
  return me;
}

/**
 * Resolves `me` or a user id/UPN from the path and checks the caller may use it as `need` asks.
 * Throws Graph's 400 (/me with an app token), 403 (no permission) or 404 (no such user).
 */
export function openMailbox(directory: CalendarDirectory, auth: CalendarAuth, mailbox: string, need: AccessNeed): MailboxAccess {
  const have = granted(auth);
  const isMe = mailbox.toLowerCase() === 'me';
  if (auth.kind === 'app') {
    if (isMe) throw meNeedsDelegated();
    if (!APP_ROLES[need].some((r) => have.has(r))) throw accessDenied();
    const person = directory.byIdOrAddress(auth.tenantId, mailbox);
    if (!person) throw invalidUser(mailbox);
    return { person, isOwn: false, basicOnly: !APP_ROLES.read.some((r) => have.has(r)) };
  }
  const me = signedInUser(directory, auth);
  const person = isMe ? me : directory.byIdOrAddress(auth.tenantId, mailbox);
  const isOwn = person !== undefined && person.id === me.id;
  const needed = isOwn ? OWN_SCOPES[need] : SHARED_SCOPES[need];
  if (!needed.some((s) => have.has(s))) throw accessDenied();
  if (!person) throw invalidUser(mailbox);
  const readers = isOwn ? OWN_SCOPES.read : SHARED_SCOPES.read;
  return { person, me, isOwn, basicOnly: !readers.some((s) => have.has(s)) };
}
