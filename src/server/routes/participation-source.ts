import type { Client } from '@microsoft/microsoft-graph-client';
import type { User } from '@microsoft/microsoft-graph-types';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { tenantId as toTenantId } from '../../core/ids.ts';
import type { Database } from '../../store/schema.ts';
import type { ParticipationSource } from './participation.ts';
import type { OrgPerson, PersonFacts } from './participation-summary.ts';
import { ttlCache } from './ttl-cache.ts';

/** Most people walked in one org; beyond this the directory is taken to be looping or the caller is the whole company. */
const MAX_ORG = 50_000;
/** Ids per statement: bounds one statement's parameter for orgs of any size. */
const CHUNK = 10_000;

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

/** How long a manager's reports tree is reused before Graph is walked again. */
export const REPORTS_TTL_MS = 5 * 60_000;
/** Most trees kept at once; the oldest goes first. Bounds memory whatever the number of managers. */
const MAX_CACHED_TREES = 1_000;

/** How long one org's participation facts are reused: counts a few seconds old are fine on a dashboard. */
export const FACTS_TTL_MS = 15_000;
const MAX_CACHED_FACTS = 200;

export interface ParticipationSourceOptions {
  /** Reuse of a reports tree, in ms; 0 walks Graph on every request. Default {@link REPORTS_TTL_MS}. */
  readonly reportsTtlMs?: number;
  /** Reuse of one org's facts, in ms; 0 reads the store on every request. Default {@link FACTS_TTL_MS}. */
  readonly factsTtlMs?: number;
  readonly now?: () => number;
}

/**
 * The participation source over Graph (directory) and the store (enrolments, pairings).
 * Tenant-scoped on every query; reports trees are cached per tenant and manager for {@link REPORTS_TTL_MS}.
 */
export function createParticipationSource(db: Kysely<Database>, graphClientFor: (tenantId: string) => Client, options: ParticipationSourceOptions = {}): ParticipationSource {
  // Walking a 10 000-person org is one Graph request per manager in it (hundreds): far too slow
  // and throttle-prone for every page view, while an org chart minutes old is fine for counts.
  const trees = ttlCache<OrgPerson[]>(options.reportsTtlMs ?? REPORTS_TTL_MS, options.now ?? Date.now, MAX_CACHED_TREES);
  const facts = ttlCache<readonly PersonFacts[]>(options.factsTtlMs ?? FACTS_TTL_MS, options.now ?? Date.now, MAX_CACHED_FACTS);
  const readFacts = factsReader(db);
  return {
    reportsOf: (tenantId, managerId) => trees(JSON.stringify([tenantId, managerId]), () => reportsTree(graphClientFor(tenantId), managerId)),
    // Keyed by a digest of the exact id list, so a changed org (or another manager's) never reads another's facts.
    factsFor: (tenantId, userIds) => facts(`${tenantId}:${createHash('sha256').update(userIds.join('\n')).digest('base64')}`, () => readFacts(tenantId, userIds)),
  };
}

/** Enrolment and pairing facts of these people, read from the store in this tenant only. */
function factsReader(db: Kysely<Database>) {
  return async (tenantId: string, userIds: readonly string[]): Promise<readonly PersonFacts[]> => {
    const tenant = toTenantId(tenantId);
    const enrolled = new Map<string, number>();
    const paired = new Map<string, number>();
    // One array parameter per statement (`= any($1)`): PostgreSQL hashes it, where chunks of
    // `IN ($1 … $1000)` lists were compared row by row, ten statements per 10 000-person org.
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const ids = userIds.slice(i, i + CHUNK);
      const [enrolments, pairings] = await Promise.all([
        sql<{ user_id: string; at: Date }>`
          select user_id, min(enrolled_at) as at from enrolments
          where tenant_id = ${tenant} and left_at is null and user_id = any(${ids}::text[])
          group by user_id`.execute(db),
        sql<{ user_id: string; at: Date }>`
          select m.user_id, min(p.published_at) as at
          from pairings p cross join lateral (values (p.mentor_id), (p.mentee_id), (p.co_mentor_id)) as m(user_id)
          where p.tenant_id = ${tenant} and p.ended_at is null and m.user_id = any(${ids}::text[])
          group by m.user_id`.execute(db),
      ]);
      for (const row of enrolments.rows) enrolled.set(row.user_id, new Date(row.at).getTime());
      for (const row of pairings.rows) paired.set(row.user_id, new Date(row.at).getTime());
    }
    // Sessions held: no held-session records exist yet, so every person has none (see the summary's notes).
    return userIds.map((userId): PersonFacts => ({ userId, enrolledAt: enrolled.get(userId) ?? null, pairedAt: paired.get(userId) ?? null, sessionsHeld: [] }));
  };
}
