import { afterAll, beforeAll, describe } from 'vitest';
import { randomUUID } from 'node:crypto';
import { tenantId, type TenantId } from '../../src/core/ids.ts';
import type { Store } from '../../src/store/store.ts';
import { openTestStore, type TestStore } from './open-test-store.ts';

/** Both backends the store supports; every store behaviour is checked on each. */
export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** What a backend-parameterised suite gets: its backend and the store shared by its tests. */
export interface BackendContext {
  readonly kind: Backend;
  /** The suite's store, opened in beforeAll. */
  store(): Store;
  /** The suite's TestStore, for tests that reopen it. */
  testStore(): TestStore;
}

/**
 * The shared parameterised suite: runs `define` once per backend, with one store per backend
 * opened before the suite's tests and removed after them (`setup` as for `openTestStore`).
 * Tests share the store, so each one scopes its rows by a fresh tenant (`freshTenant()`).
 */
export function describeEachBackend(
  title: string,
  define: (context: BackendContext) => void,
  setup: { emptyDataDir?: boolean } = {},
): void {
  describe.each(BACKENDS)(`${title} on %s`, (kind) => {
    let opened: TestStore | undefined;
    let openError: unknown;
    beforeAll(async () => {
      // Kept, not thrown: a failing beforeAll shows its tests as "skipped", which reads like a
      // skip. Rethrown by every test instead, so an unreachable server fails each one, loudly.
      opened = await openTestStore(kind, setup).catch((error: unknown) => {
        openError = error;
        return undefined;
      });
    });
    afterAll(async () => {
      await opened?.cleanup();
    });
    const testStore = (): TestStore => {
      if (opened === undefined) throw openError ?? new Error(`the ${kind} test store is not open`);
      return opened;
    };
    define({ kind, testStore, store: () => testStore().store });
  });
}

/** A tenant id no other test uses, so tests sharing a store cannot see each other's rows. */
export const freshTenant = (): TenantId => tenantId(randomUUID());
