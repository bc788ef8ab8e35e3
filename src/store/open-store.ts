import type { StoreConfig } from '../config';
import type { Logger } from '../logger';
import { openCosmosStore } from './cosmos/cosmos-store';
import type { Store } from './ports';
import { openSqliteStore } from './sqlite/sqlite-store';

/**
 * Opens the configured store: the embedded SQLite file, or Cosmos DB, logging to `logger`;
 * `monotonicMs` says how old a remembered read is (by default the process's own monotonic clock).
 */
export function openStore(
  config: StoreConfig,
  logger?: Logger,
  monotonicMs?: () => number,
): Promise<Store> {
  if (config.kind === 'sqlite') return Promise.resolve(openSqliteStore(config.sqlitePath));
  return openCosmosStore({
    ...config.cosmos,
    ...(logger ? { logger } : {}),
    ...(monotonicMs ? { monotonicMs } : {}),
  });
}
