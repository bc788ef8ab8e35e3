import { createHash } from 'node:crypto';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import type { Store } from '../../src/store/ports';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { startCosmosServer, type CosmosServer } from './cosmos-server';

/**
 * The store the bot servers in conversation tests use. By default each server gets its SQLite
 * file. With `TEST_STORE=cosmos` they use Cosmos DB instead: one cosmosdb-server in the test
 * process, and one database per SQLite path, so servers started on the same path (a restart, or
 * two instances) share one Cosmos DB store as they would share the file.
 */
export const testStore = process.env.TEST_STORE === 'cosmos' ? 'cosmos' : 'sqlite';

let cosmos: Promise<CosmosServer> | undefined;

/** The environment that points a bot server at the store for `sqlitePath`. */
export async function storeEnvironment(sqlitePath: string): Promise<Record<string, string>> {
  if (testStore === 'sqlite') return {};
  cosmos ??= startCosmosServer();
  const { endpoint, key } = await cosmos;
  return {
    STORE: 'cosmos',
    COSMOS_ENDPOINT: endpoint,
    COSMOS_KEY: key,
    COSMOS_DATABASE: cosmosDatabaseFor(sqlitePath),
    COSMOS_ALLOW_SELF_SIGNED: 'on',
  };
}

/** The store a bot server started on `sqlitePath` uses, opened from the test, to look inside. */
export async function openBotStore(sqlitePath: string): Promise<Store> {
  if (testStore === 'sqlite') return openSqliteStore(sqlitePath);
  const env = await storeEnvironment(sqlitePath);
  return openCosmosStore({
    endpoint: env.COSMOS_ENDPOINT,
    key: env.COSMOS_KEY,
    database: env.COSMOS_DATABASE,
    allowSelfSigned: true,
  });
}

function cosmosDatabaseFor(sqlitePath: string): string {
  return `qm-${createHash('sha256').update(sqlitePath).digest('hex').slice(0, 16)}`;
}

/**
 * Mocha root hooks (loaded with --require): stop the shared server after the run (after each
 * file when mocha runs files in parallel workers; the next file starts another).
 */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    const running = cosmos;
    cosmos = undefined;
    if (running) await (await running).stop();
  },
};
