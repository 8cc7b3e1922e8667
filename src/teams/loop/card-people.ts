/** People of a session as per-person cards show them. */
import type { UserId } from '../../core/ids.ts';
import type { CardPerson, CardReaders } from '../cards/card-parts.ts';
import type { LoopPerson } from './ports.ts';

/**
 * The id Teams knows a person by for `refresh.userIds`: the MRI of their Entra object id. The
 * reader's own id comes from the activity when there is one (Teams' `29:` id works as well).
 */
export const teamsUserIdOf = (userId: UserId): string => `8:orgid:${userId}`;

/** The reader and their partner(s) among `people`. */
export function readersOf(people: readonly LoopPerson[], reader: UserId, readerTeamsId?: string): CardReaders {
  const person = (p: LoopPerson): CardPerson => ({ userId: p.userId, name: p.name, teamsUserId: teamsUserIdOf(p.userId) });
  const self = people.find((p) => p.userId === reader);
  return {
    reader: { ...person(self ?? { userId: reader, name: 'you' }), ...(readerTeamsId === undefined ? {} : { teamsUserId: readerTeamsId }) },
    partners: people.filter((p) => p.userId !== reader).map(person),
  };
}
