import type { GraphCaller } from '../http/caller.ts';
import { graphErrors } from './graph-errors.ts';

const has = (granted: readonly string[], any: readonly string[]): boolean => {
  const lower = new Set(granted.map((g) => g.toLowerCase()));
  return any.some((p) => lower.has(p.toLowerCase()));
};

const READ_ALL = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const READ_BASIC = ['User.ReadBasic.All', ...READ_ALL];
const DELEGATED_OTHERS_BASIC = [...READ_BASIC, 'Directory.AccessAsUser.All'];
const DELEGATED_OTHERS = [...READ_ALL, 'Directory.AccessAsUser.All'];
const DELEGATED_SELF = ['User.Read', 'User.ReadWrite', ...DELEGATED_OTHERS_BASIC];
const MAILBOX_SETTINGS = ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'];

/**
 * Reading users (profiles, lists): app-only needs User.Read.All, User.ReadBasic.All or
 * Directory.Read.All; delegated needs User.Read for the signed-in user and User.ReadBasic.All
 * (or more) for anyone else. `targetId` undefined means a list of users.
 */
export function requireUserRead(caller: GraphCaller, targetId: string | undefined): void {
  if (caller.kind === 'app') {
    if (!has(caller.roles, READ_BASIC)) throw graphErrors.directoryDenied();
    return;
  }
  if (targetId !== undefined && targetId === caller.userId && has(caller.scopes, DELEGATED_SELF)) return;
  if (!has(caller.scopes, DELEGATED_OTHERS_BASIC)) throw graphErrors.directoryDenied();
}

/**
 * Reading manager / direct reports: User.Read.All or Directory.Read.All (app or delegated);
 * a delegated caller may read their own with User.Read.
 */
export function requireRelationshipRead(caller: GraphCaller, targetId: string): void {
  if (caller.kind === 'app') {
    if (!has(caller.roles, READ_ALL)) throw graphErrors.directoryDenied();
    return;
  }
  if (targetId === caller.userId && has(caller.scopes, DELEGATED_SELF)) return;
  if (!has(caller.scopes, DELEGATED_OTHERS)) throw graphErrors.directoryDenied();
}

/**
 * Mailbox settings: app-only needs MailboxSettings.Read(Write); delegated only for the signed-in
 * user's own mailbox (Exchange answers ErrorAccessDenied otherwise).
 */
export function requireMailboxSettingsRead(caller: GraphCaller, targetId: string): void {
  if (caller.kind === 'app') {
    if (!has(caller.roles, MAILBOX_SETTINGS)) throw graphErrors.mailboxDenied();
    return;
  }
  if (targetId !== caller.userId || !has(caller.scopes, MAILBOX_SETTINGS)) throw graphErrors.mailboxDenied();
}
