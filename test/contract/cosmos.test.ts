import assert from 'node:assert/strict';
import { CosmosClient } from '@azure/cosmos';
import https from 'node:https';
import { openCosmosStore, type CosmosStoreOptions } from '../../src/store/cosmos/cosmos-store';
import { StoreConnectionError } from '../../src/store/errors';
import type { Store } from '../../src/store/ports';
import { freshDatabaseName, startCosmosServer, type CosmosServer } from '../support/cosmos-server';
import { freePort } from '../support/bot-server';
import { newInquiry, storeContract } from './store-contract';

/** The contract against one Cosmos DB account, with a fresh database per test, deleted after it. */
function cosmosContract(name: string, account: () => Omit<CosmosStoreOptions, 'database'>): void {
  const databases = new Map<Store, string>();
  afterEach(async () => {
    const names = new Set(databases.values());
    databases.clear();
    const { endpoint, key, allowSelfSigned } = account();
    const client = new CosmosClient({
      endpoint,
      ...(key ? { key } : {}),
      ...(allowSelfSigned ? { agent: new https.Agent({ rejectUnauthorized: false }) } : {}),
    });
    try {
      for (const database of names) await client.database(database).delete();
    } finally {
      client.dispose();
    }
  });
  storeContract({
    name,
    open: async () => {
      const database = freshDatabaseName();
      // A small page size makes every listing cross page boundaries.
      const store = await openCosmosStore({ ...account(), database, pageSize: 7 });
      databases.set(store, database);
      return store;
    },
    reopen: async (store) => {
      const database = databases.get(store)!;
      await store.close();
      const reopened = await openCosmosStore({ ...account(), database, pageSize: 7 });
      databases.set(reopened, database);
      return reopened;
    },
  });
}

describe('Cosmos DB store on cosmosdb-server (in-process)', function () {
  let server: CosmosServer;
  before(async () => {
    server = await startCosmosServer();
  });
  after(() => server.stop());
  const account = () => ({ endpoint: server.endpoint, key: server.key, allowSelfSigned: true });

  cosmosContract('Cosmos DB (cosmosdb-server)', account);

  describe('what only the Cosmos DB store needs', () => {
    it('moves notifications a crash left on an inquiry into the outbox, once', async () => {
      const database = freshDatabaseName();
      const store = await openCosmosStore({
        ...account(),
        database,
        sweepEveryMs: 0,
        sweepAfterMs: 1000,
      });
      const client = new CosmosClient({
        endpoint: server.endpoint,
        key: server.key,
        agent: new https.Agent({ rejectUnauthorized: false }),
      });
      try {
        const { inquiry } = await store.inquiries.create(newInquiry(), []);
        // As if the process died right after writing the change, before moving its notification.
        const item = client.database(database).container('inquiries').item(inquiry.id, inquiry.id);
        const { resource } = await item.read<Record<string, unknown>>();
        const at = '2026-11-28T09:00:00.000Z';
        await item.replace({
          ...resource,
          pending: [
            { n: 2026_0000001_00000, intent: { kind: 'triage.post', inquiryId: inquiry.id }, at },
          ],
          pendingSince: at,
          queued: 1,
        });
        const now = new Date('2026-11-28T09:00:05.000Z');
        const later = new Date(now.getTime() + 60_000);
        const [first, second] = [
          await store.outbox.lease(now, 'one', later, 10),
          await store.outbox.lease(now, 'two', later, 10),
        ];
        assert.deepEqual(
          first.map((i) => i.intent),
          [{ kind: 'triage.post', inquiryId: inquiry.id }],
        );
        assert.deepEqual(second, []);
        assert.equal(await store.outbox.pendingCount(), 1);
        const stored = await item.read<{ pending: unknown[] }>();
        assert.deepEqual(stored.resource?.pending, [], 'taken off the inquiry');
      } finally {
        client.dispose();
        await store.close();
      }
    });

    it('fails to open with a message naming the endpoint when nothing answers there', async () => {
      const endpoint = `https://127.0.0.1:${await freePort()}/`;
      await assert.rejects(
        openCosmosStore({ endpoint, key: 'k', database: 'x', allowSelfSigned: true }),
        (error: Error) =>
          error instanceof StoreConnectionError &&
          error.message.startsWith(`Cannot reach Cosmos DB at ${endpoint}`),
      );
    });

    it('refuses a server whose certificate it cannot verify unless told to accept it', async () => {
      await assert.rejects(
        openCosmosStore({ endpoint: server.endpoint, key: server.key, database: 'x' }),
        /COSMOS_ALLOW_SELF_SIGNED=on/,
      );
    });
  });
});

const realEndpoint = process.env.COSMOS_TEST_ENDPOINT;
const realKey = process.env.COSMOS_TEST_KEY;
if (realEndpoint && realKey) {
  describe('Cosmos DB store on a real account or emulator (COSMOS_TEST_ENDPOINT)', function () {
    this.timeout(120_000);
    cosmosContract(`Cosmos DB (${realEndpoint})`, () => ({
      endpoint: realEndpoint,
      key: realKey,
      allowSelfSigned: process.env.COSMOS_TEST_ALLOW_SELF_SIGNED === 'on',
    }));
  });
} else {
  describe('Cosmos DB store on a real account or emulator', () => {
    it('is skipped: set COSMOS_TEST_ENDPOINT and COSMOS_TEST_KEY to run the contract against one', function () {
      this.skip();
    });
  });
}
