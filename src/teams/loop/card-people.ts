/** People of a session as per-person cards show them. */
import type { UserId } from '../../core/ids.ts';
import type { CardPerson, CardReaders } from '../cards/card-parts.ts';
import type { LoopPerson } from './ports.ts';

/**
 * The MRI of a person's Entra object id (`8:orgid:<oid>`): what `refresh.userIds` falls back to
 * for someone whose Teams user id Upward has not seen yet.
 */
export const teamsUserIdOf = (userId: UserId): string => `8:orgid:${userId}`;

/**
 * The reader and their partner(s) among `people`. Each person's id for `refresh.userIds` is the
 * Teams user id (`29:…`) Teams itself gives conversation members — the reader's from the activity
 * being answered (`readerTeamsId`), anyone's from their stored conversation — and the
 * `8:orgid:` MRI only when neither is known.
 */
export function readersOf(people: readonly LoopPerson[], reader: UserId, readerTeamsId?: string): CardReaders {
  const person = (p: LoopPerson): CardPerson => ({ userId: p.userId, name: p.name, teamsUserId: p.teamsUserId ?? teamsUserIdOf(p.userId) });
  const self = people.find((p) => p.userId === reader);
  return {
    reader: { ...person(self ?? { userId: reader, name: 'you' }), ...(readerTeamsId === undefined ? {} : { teamsUserId: readerTeamsId }) },
    partners: people.filter((p) => p.userId !== reader).map(person),
  };
}
