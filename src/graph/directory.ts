import type { Client } from '@microsoft/microsoft-graph-client';
import type { MailboxSettings, User } from '@microsoft/microsoft-graph-types';
import { notFound, UpwardError } from '../core/errors.ts';
import { userId as toUserId, type UserId } from '../core/ids.ts';
import type { DayOfWeek, PersonRef, Profile } from '../core/people/profile.ts';
import { toIanaZone } from '../core/time/zones.ts';
import { graphErrorStatus, toUpwardError } from './graph-failure.ts';

const PROFILE_FIELDS = 'id,displayName,givenName,jobTitle,mail,userPrincipalName,department,officeLocation';

/** Reads people from the directory: profile, manager and mailbox working hours. */
export interface DirectoryReader {
  readProfile(userId: UserId): Promise<Profile>;
}

/** Most managers followed upward; a longer chain is taken to be a loop in the directory data. */
export const MAX_MANAGER_CHAIN = 32;

/** Walks the reporting line upward, one `/users/{id}/manager` read per step. */
export interface ManagerChainReader {
  /** The person's manager, their manager, … up to the top of the tree (empty for the top). */
  readManagerChain(userId: UserId): Promise<PersonRef[]>;
}

export function createDirectoryReader(client: Client): DirectoryReader & ManagerChainReader {
  const toRef = (user: User): PersonRef => ({
    id: toUserId(String(user.id)),
    displayName: user.displayName ?? user.userPrincipalName ?? String(user.id),
    jobTitle: user.jobTitle ?? null,
  });

  return {
    async readProfile(id) {
      const path = `/users/${encodeURIComponent(id)}`;
      try {
        // Three independent reads; in parallel they cost one round trip of wall time.
        const [user, manager, mailbox] = await Promise.all([
          client.api(path).select(PROFILE_FIELDS).get() as Promise<User>,
          (client.api(`${path}/manager`).select('id,displayName,jobTitle').get() as Promise<User>).catch((error: unknown) => {
            if (graphErrorStatus(error) === 404) return null; // the top of the tree has no manager
            throw error;
          }),
          client.api(`${path}/mailboxSettings`).get() as Promise<MailboxSettings>,
        ]);
        const zoneLabel = mailbox.timeZone ?? mailbox.workingHours?.timeZone?.name ?? 'UTC';
        const working = mailbox.workingHours;
        return {
          ...toRef(user),
          givenName: user.givenName ?? null,
          mail: user.mail ?? null,
          userPrincipalName: user.userPrincipalName ?? '',
          department: user.department ?? null,
          officeLocation: user.officeLocation ?? null,
          manager: manager ? toRef(manager) : null,
          timeZone: { iana: toIanaZone(zoneLabel, 'mailboxSettings.timeZone'), label: zoneLabel },
          workingHours: {
            daysOfWeek: (working?.daysOfWeek ?? ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']).map(
              (d) => String(d).toLowerCase() as DayOfWeek,
            ),
            startTime: (working?.startTime ?? '09:00').slice(0, 5),
            endTime: (working?.endTime ?? '17:00').slice(0, 5),
            timeZone: toIanaZone(working?.timeZone?.name ?? zoneLabel, 'mailboxSettings.workingHours.timeZone'),
          },
        };
      } catch (error) {
        if (graphErrorStatus(error) === 404) throw notFound(`no person with id ${id} in the directory`);
        if (error instanceof UpwardError) throw error;
        throw toUpwardError(error, `reading the profile of ${id}`);
      }
    },

    async readManagerChain(id) {
      const managerOf = (current: string): Promise<User | null> =>
        (client.api(`/users/${encodeURIComponent(current)}/manager`).select('id,displayName,jobTitle').get() as Promise<User>).catch(
          (error: unknown) => {
            if (graphErrorStatus(error) === 404) return null; // the top of the tree has no manager
            throw error;
          },
        );
      const chain: PersonRef[] = [];
      const seen = new Set<string>([id]);
      try {
        // Read the person first: a 404 on /manager means "no manager" and must not hide a wrong id.
        await client.api(`/users/${encodeURIComponent(id)}`).select('id').get();
        for (let manager = await managerOf(id); manager !== null; manager = await managerOf(chain[chain.length - 1]!.id)) {
          const ref = toRef(manager);
          if (seen.has(ref.id) || chain.length >= MAX_MANAGER_CHAIN) {
            throw new UpwardError('upstream', `the manager chain of ${id} loops or is deeper than ${MAX_MANAGER_CHAIN} levels`);
          }
          seen.add(ref.id);
          chain.push(ref);
        }
        return chain;
      } catch (error) {
        if (graphErrorStatus(error) === 404) throw notFound(`no person with id ${id} in the directory`);
        if (error instanceof UpwardError) throw error;
        throw toUpwardError(error, `reading the manager chain of ${id}`);
      }
    },
  };
}
