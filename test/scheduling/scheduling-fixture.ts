import pino from 'pino';
import { tenantId as toTenantId, userId, type TenantId } from '../../src/core/ids.ts';
import { epochMs, type EpochMs } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { createAppTokenProvider } from '../../src/graph/app-token-provider.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';
import type { RecheckScheduler, RunStarter, SchedulingDeps } from '../../src/scheduling/deps.ts';
import { createSchedulingService, type SchedulingService } from '../../src/scheduling/scheduling-service.ts';
import type { Store } from '../../src/store/store.ts';
import { openTestStore, type TestStore } from '../store/open-test-store.ts';
import { startTestTenant, TEST_CLIENT_ID, TEST_TENANT_ID, type TestTenant } from '../devtenant/test-tenant.ts';

/** The instant tests run at (fixed, so plans do not depend on the day the suite runs). */
export const NOW: EpochMs = epochMs(Date.parse('2027-03-01T12:00:00Z'));
/** Twelve weeks from the day after NOW. */
export const TERM = { start: '2027-03-02', end: '2027-05-24' } as const;
export const TENANT: TenantId = toTenantId(TEST_TENANT_ID);

export interface SchedulingFixture {
  readonly dev: TestTenant;
  readonly client: ReturnType<typeof createGraphClient>;
  /** Every Graph request the service sent (batch members one each, retries included). */
  readonly sent: { requests: number; roundTrips: number };
  deps(store: Store, extra?: { now?: () => EpochMs; rechecks?: RecheckScheduler; runs?: RunStarter }): SchedulingDeps;
}

/** A development tenant, a Graph client for it, and scheduling dependencies over a given store. */
export async function startSchedulingFixture(size = 200): Promise<SchedulingFixture> {
  // The tenant's clock is the tests' too: its calendars hold what was booked by NOW (one-offs fill in as their day nears).
  const dev = await startTestTenant({ size, now: () => new Date(NOW) });
  const tokens = createAppTokenProvider({ loginBaseUrl: dev.tenant.url, clientId: TEST_CLIENT_ID, clientSecret: dev.tenant.clientSecret, resource: 'https://graph.microsoft.com' });
  const client = createGraphClient({ baseUrl: dev.tenant.url, token: () => tokens.getToken(TEST_TENANT_ID) });
  const sent = { requests: 0, roundTrips: 0 };
  return {
    dev,
    client,
    sent,
    deps: (store, extra = {}) => ({
      db: store.db,
      graphFor: () => ({
        client,
        batch: {
          parallelBatches: 4,
          onSend: (n) => {
            sent.requests += n;
            sent.roundTrips++;
          },
        },
      }),
      now: extra.now ?? (() => NOW),
      log: pino({ level: 'silent' }),
      ...(extra.rechecks ? { rechecks: extra.rechecks } : {}),
      ...(extra.runs ? { runs: extra.runs } : {}),
    }),
  };
}

/** A person as a pair's side in a request. */
export const side = (p: DevPerson) => ({ userId: p.id, mailbox: p.mail, name: p.displayName });

/**
 * Mentoring pairs from the seeded organisation the way matching would make them: a junior mentor
 * (level ≤ 3) with a more senior mentee (level ≥ 5) in the same office zone, so their working
 * hours overlap. Each person is in one pair.
 */
export function pairsFrom(people: readonly DevPerson[], count: number, offset = 0): Array<{ pairId: string; mentor: ReturnType<typeof side>; mentee: ReturnType<typeof side> }> {
  const juniors = people.filter((p) => p.level <= 3);
  const used = new Set<string>();
  const pairs: Array<{ pairId: string; mentor: ReturnType<typeof side>; mentee: ReturnType<typeof side> }> = [];
  let skipped = 0;
  for (const senior of people.filter((p) => p.level >= 5)) {
    const junior = juniors.find((j) => !used.has(j.id) && j.ianaTimeZone === senior.ianaTimeZone);
    if (junior === undefined) continue;
    used.add(junior.id);
    if (skipped++ < offset) continue;
    pairs.push({ pairId: `pair-${pairs.length + offset + 1}`, mentor: side(junior), mentee: side(senior) });
    if (pairs.length === count) break;
  }
  return pairs;
}

export const adminActor = { userId: userId('admin-1'), isAdmin: true } as const;

/** The development tenant, an embedded store and the scheduling service over both, as one test file uses them. */
export interface SchedulingHarness {
  readonly fx: SchedulingFixture;
  readonly db: TestStore;
  readonly service: SchedulingService;
  close(): Promise<void>;
}

export async function openSchedulingHarness(): Promise<SchedulingHarness> {
  const fx = await startSchedulingFixture();
  const db = await openTestStore('pglite');
  return {
    fx,
    db,
    service: createSchedulingService(fx.deps(db.store)),
    async close() {
      await db.cleanup();
      await fx.dev.dispose();
    },
  };
}
