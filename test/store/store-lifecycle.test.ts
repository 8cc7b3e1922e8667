import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { userId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { conversationReferenceRepository } from '../../src/store/conversation-references.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { describeEachBackend, freshTenant } from './each-backend.ts';
import { captureLog } from './log-capture.ts';

const appliedMigrations = async (store: Store) =>
  (await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(store.db)).rows;

// PGlite starts from an empty folder here (no template), so creating a data folder is tested too.
describeEachBackend(
  'opening the store',
  ({ kind, store, testStore }) => {
    it('applies every migration of the static list, in order', async () => {
      expect((await appliedMigrations(store())).map((m) => m.name)).toEqual(Object.keys(migrations).sort());
      const columns = await sql<{ column_name: string; data_type: string; is_nullable: string }>`
        select column_name, data_type, is_nullable from information_schema.columns
        where table_schema = current_schema() and table_name = 'conversation_references'
        order by ordinal_position`.execute(store().db);
      expect(columns.rows.map((c) => `${c.column_name} ${c.data_type}${c.is_nullable === 'YES' ? ' null' : ''}`)).toEqual([
        'tenant_id text',
        'user_id text',
        'conversation_id text',
        'service_url text',
        'channel_id text',
        'bot_id text',
        'user_name text null',
        'blocked_at timestamp with time zone null',
        'installed_at timestamp with time zone',
        'updated_at timestamp with time zone',
        'teams_user_id text null',
      ]);
    });

    it('tells pg-boss what to connect to', () => {
      expect(store().kind).toBe(kind);
      if (kind === 'pglite') {
        expect(store().pglite?.closed).toBe(false);
        expect(store().databaseUrl).toBeUndefined();
      } else {
        expect(store().pglite).toBeUndefined();
        expect(store().databaseUrl).toBe(testStore().options.databaseUrl);
      }
    });

    it('reopens without applying any migration again, and keeps its data', async () => {
      const tenant = freshTenant();
      await conversationReferenceRepository(store().db).upsert(tenant, {
        userId: userId('u-1'),
        conversationId: 'conv-1',
        serviceUrl: 'https://example.test/',
        channelId: 'msteams',
        botId: '28:bot',
        at: epochMs(1_000),
      });
      const before = await appliedMigrations(store());
      await store().ping();
      await store().close();
      await expect(store().ping()).rejects.toThrow();

      const { log, lines } = captureLog();
      const reopened = await openStore({ ...testStore().options, log });
      try {
        await reopened.ping();
        expect(await appliedMigrations(reopened)).toEqual(before);
        expect(lines.filter((l) => l.msg === 'applied database migration')).toEqual([]);
        expect(lines.some((l) => l.msg.startsWith('opened the'))).toBe(true);
        expect((await conversationReferenceRepository(reopened.db).get(tenant, userId('u-1')))?.conversationId).toBe('conv-1');
      } finally {
        await reopened.close();
      }
    });
  },
  { emptyDataDir: true },
);
