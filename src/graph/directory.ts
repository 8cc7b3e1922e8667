import type { Client } from '@microsoft/microsoft-graph-client';
import type { MailboxSettings, User } from '@microsoft/microsoft-graph-types';
import { notFound, UpwardError } from '../core/errors.ts';
import { userId as toUserId, type UserId } from '../core/ids.ts';
import type { DayOfWeek, PersonRef, Profile } from '../core/people/profile.ts';
import { toIanaZone } from '../core/time/zones.ts';
import { graphErrorStatus, toUpwardError } from './graph-failure.ts';

const PROFILE_FIELDS = 'id,displayName,jobTitle,mail,userPrincipalName,department,officeLocation';

/** Reads people from the directory: profile, manager and mailbox working hours. */
export interface DirectoryReader {
  readProfile(userId: UserId): Promise<Profile>;
}

export function createDirectoryReader(client: Client): DirectoryReader {
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
  };
}
