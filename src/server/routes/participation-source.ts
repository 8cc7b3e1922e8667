import type { Client } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';
import type { Kysely } from 'kysely';
import { tenantId as toTenantId, userId as toUserId } from '../../core/ids.ts';
import type { Database } from '../../store/schema.ts';
import type { ParticipationSource } from './participation.ts';
import type { OrgPerson, PersonFacts } from './participation-summary.ts';

/** Most people walked in one org; beyond this the directory is taken to be looping or the caller is the whole company. */
const MAX_ORG = 50_000;
/** Ids per `IN (...)` list: keeps statements a reasonable size for 10 000-person orgs. */
const CHUNK = 1_000;

interface Page {
  readonly value?: User[];
  readonly '@odata.nextLink'?: string;
}

/** Reads the transitive reports with `/users/{id}/directReports`, breadth first, following `@odata.nextLink`. */
async function reportsTree(client: Client, managerId: string): Promise<OrgPerson[]> {
  const seen = new Set<string>([managerId]);
  const out: OrgPerson[] = [];
  let level = [managerId];
  while (level.length > 0 && out.length < MAX_ORG) {
    const next: string[] = [];
    // One manager's reports per request; a level's managers are read in parallel.
    const pages = await Promise.all(
      level.map(async (id) => {
        const users: User[] = [];
        let page = (await client.api(`/users/${encodeURIComponent(id)}/directReports`).select('id,department').top(999).get()) as Page;
        users.push(...(page.value ?? []));
        while (page['@odata.nextLink'] !== undefined) {
          page = (await client.api(page['@odata.nextLink']).get()) as Page;
          users.push(...(page.value ?? []));
        }
        return users;
      }),
    );
    for (const user of pages.flat()) {
      const id = String(user.id);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ id, department: user.department ?? '' });
      next.push(id);
    }
    level = next;
  }
  return out;
}

/** The participation source over Graph (directory) and the store (enrolments, pairings). Tenant-scoped on every query. */
export function createParticipationSource(db: Kysely<Database>, graphClientFor: (tenantId: string) => Client): ParticipationSource {
  return {
    reportsOf: (tenantId, managerId) => reportsTree(graphClientFor(tenantId), managerId),

    async factsFor(tenantId, userIds) {
      const enrolled = new Map<string, number>();
      const paired = new Map<string, number>();
      const earliest = (map: Map<string, number>, id: string, at: Date) => {
        const ms = at.getTime();
        const current = map.get(id);
        if (current === undefined || ms < current) map.set(id, ms);
      };
      for (let i = 0; i < userIds.length; i += CHUNK) {
        const ids = userIds.slice(i, i + CHUNK).map(toUserId);
        const tenant = toTenantId(tenantId);
        const enrolments = await db
          .selectFrom('enrolments')
          .select(['user_id', 'enrolled_at'])
          .where('tenant_id', '=', tenant)
          .where('user_id', 'in', ids)
          .where('left_at', 'is', null)
          .execute();
        for (const row of enrolments) earliest(enrolled, row.user_id, row.enrolled_at);
        const pairings = await db
          .selectFrom('pairings')
          .select(['mentor_id', 'mentee_id', 'co_mentor_id', 'published_at'])
          .where('tenant_id', '=', tenant)
          .where('ended_at', 'is', null)
          .where((eb) => eb.or([eb('mentor_id', 'in', ids), eb('mentee_id', 'in', ids), eb('co_mentor_id', 'in', ids)]))
          .execute();
        const wanted = new Set(userIds);
        for (const row of pairings) {
          for (const id of [row.mentor_id, row.mentee_id, row.co_mentor_id]) if (id !== null && wanted.has(id)) earliest(paired, id, row.published_at);
        }
      }
      // Sessions held: no held-session records exist yet, so every person has none (see the summary's notes).
      return userIds.map((userId): PersonFacts => ({ userId, enrolledAt: enrolled.get(userId) ?? null, pairedAt: paired.get(userId) ?? null, sessionsHeld: [] }));
    },
  };
}
