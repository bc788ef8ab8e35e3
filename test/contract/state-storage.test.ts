import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreItems } from 'botbuilder';
import { StoreStorage } from '../../bot/state-storage';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import type { Store } from '../../src/store/ports';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { freshDatabaseName, startCosmosServer, type CosmosServer } from '../support/cosmos-server';

/**
 * The bot framework's turn-state storage over each store, checked as botbuilder checks its own
 * storages: create, read, update with and without an etag, '*', conflicts, deletes, odd keys.
 */
function storageContract(name: string, open: () => Promise<Store>): void {
  describe(`turn-state storage over ${name}`, () => {
    let store: Store;
    let storage: StoreStorage;
    beforeEach(async () => {
      store = await open();
      storage = new StoreStorage(store.state);
    });
    afterEach(() => store.close());

    it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
      await storage.write({ a: { count: 1, nested: { list: [1, 2] } }, b: { text: 'æøå' } });
      const read = await storage.read(['a', 'b', 'unknown']);
      assert.deepEqual(Object.keys(read).sort(), ['a', 'b']);
      assert.equal(read.a.count, 1);
      assert.deepEqual(read.a.nested, { list: [1, 2] });
      assert.equal(read.b.text, 'æøå');
      assert.equal(typeof read.a.eTag, 'string');
      assert.notEqual(read.a.eTag, '');
    });

    it('does not store the eTag as part of the item', async () => {
      await storage.write({ a: { count: 1, eTag: '*' } });
      const first = await storage.read(['a']);
      await storage.write({ a: { ...first.a, count: 2 } });
      const { a } = await storage.read(['a']);
      assert.equal(a.count, 2);
      assert.equal(Object.keys(a).filter((key) => key === 'eTag').length, 1);
      assert.notEqual(a.eTag, first.a.eTag, 'a new eTag for every write');
    });

    it('updates an item written with its current eTag and refuses a stale one', async () => {
      await storage.write({ a: { count: 1 } });
      const first = (await storage.read(['a'])).a;
      await storage.write({ a: { ...first, count: 2 } });
      await assert.rejects(storage.write({ a: { ...first, count: 3 } }), /changed by another turn/);
      assert.equal((await storage.read(['a'])).a.count, 2);
    });

    it("overwrites whatever is stored when the eTag is '*' or absent", async () => {
      await storage.write({ a: { count: 1 } });
      await storage.write({ a: { count: 2, eTag: '*' } });
      assert.equal((await storage.read(['a'])).a.count, 2);
      await storage.write({ a: { count: 3 } });
      assert.equal((await storage.read(['a'])).a.count, 3);
    });

    it('creates an item written first with an eTag of *', async () => {
      await storage.write({ fresh: { count: 1, eTag: '*' } });
      assert.equal((await storage.read(['fresh'])).fresh.count, 1);
    });

    it('deletes items, and deleting an unknown key is not an error', async () => {
      await storage.write({ a: { count: 1 }, b: { count: 2 } });
      await storage.delete(['a', 'never-written']);
      assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
    });

    it('keeps items under the keys botbuilder builds, and keys with awkward characters', async () => {
      const keys = [
        'msteams/conversations/a:1Zx-y_AbC%3D%3D;messageid=1/users/29:1abc',
        'msteams/users/29:1abc',
        'key with spaces, #, ?, \\ and unicode 🚀',
        'x'.repeat(1200),
      ];
      const items: StoreItems = {};
      keys.forEach((key, index) => (items[key] = { index }));
      await storage.write(items);
      const read = await storage.read(keys);
      assert.deepEqual(
        keys.map((key) => (read[key] as { index?: number } | undefined)?.index),
        [0, 1, 2, 3],
      );
    });
  });
}

storageContract('SQLite', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-state-')), 'store.sqlite');
  return Promise.resolve(openSqliteStore(file));
});

describe('turn-state storage on Cosmos DB', () => {
  let server: CosmosServer;
  before(async () => {
    server = await startCosmosServer();
  });
  after(() => server.stop());
  storageContract('Cosmos DB', () =>
    openCosmosStore({
      endpoint: server.endpoint,
      key: server.key,
      database: freshDatabaseName(),
      allowSelfSigned: true,
    }),
  );
});
