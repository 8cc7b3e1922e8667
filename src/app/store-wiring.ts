import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { openStore, type Store } from '../store/store.ts';
import type { ShutdownStack } from './shutdown-stack.ts';

/** Opens the configured store (embedded PGlite in the data folder, or a PostgreSQL server). */
export async function openConfiguredStore(config: Config, log: Logger, shutdown: ShutdownStack): Promise<Store> {
  const store = await openStore({ dataDir: config.store.dataDir, databaseUrl: config.store.databaseUrl, log });
  shutdown.onClose(() => store.close());
  return store;
}
