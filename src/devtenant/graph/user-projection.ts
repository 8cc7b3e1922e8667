import type { GraphCaller } from '../http/caller.ts';
import type { DevDirectory } from '../directory/dev-directory.ts';
import type { DevPerson } from '../org/dev-person.ts';
import { mailboxSettingsOf } from './mailbox-settings.ts';
import { requireMailboxSettingsRead } from './permissions.ts';
import { DEFAULT_USER_PROPERTIES, userPropertyValue } from './user-properties.ts';
import type { ODataQuery } from './odata-query.ts';

/** Serialises a person as Graph's user with the selected (or default) properties and an expanded manager. */
export function projectUser(
  person: DevPerson,
  query: Pick<ODataQuery, 'select' | 'expandManager'>,
  directory: DevDirectory,
  caller: GraphCaller,
  asDirectoryObject = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = asDirectoryObject ? { '@odata.type': '#microsoft.graph.user' } : {};
  for (const property of query.select ?? DEFAULT_USER_PROPERTIES) {
    if (property === 'mailboxSettings') {
      requireMailboxSettingsRead(caller, person.id);
      out[property] = mailboxSettingsOf(person);
    } else {
      out[property] = userPropertyValue(person, property, directory);
    }
  }
  if (query.expandManager) {
    const manager = directory.manager(person.tenantId, person.id);
    if (manager) out['manager'] = projectUser(manager, { select: query.expandManager.select, expandManager: undefined }, directory, caller, true);
  }
  return out;
}

/** `@odata.context` for users: "<base>/v1.0/$metadata#users(displayName,id)" (the select list only when given). */
export function usersContext(baseUrl: string, entitySet: 'users' | 'directoryObjects', select: readonly string[] | undefined, single: boolean): string {
  const selected = select === undefined ? '' : `(${select.join(',')})`;
  return `${baseUrl}/v1.0/$metadata#${entitySet}${selected}${single ? '/$entity' : ''}`;
}
