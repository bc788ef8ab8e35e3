import assert from 'node:assert/strict';
import { CosmosClient } from '@azure/cosmos';
import https from 'node:https';
import { openCosmosStore, type CosmosStoreOptions } from '../../src/store/cosmos/cosmos-store';
import { StoreConnectionError } from '../../src/store/errors';
import type { Store } from '../../src/store/ports';
import { freshDatabaseName, startCosmosServer, type CosmosServer } from '../support/cosmos-server';
import { freePort } from '../support/bot-server';
import type { Inquiry } from '../../src/inquiries/inquiry';
import type { OutboxItem } from '../../src/notifications/intents';
import { containers } from '../../src/store/cosmos/containers';
import { startStrictCosmos, type StrictCosmos } from '../support/strict-cosmos';
import { newInquiry, storeContract, validOrganisation } from './store-contract';

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
    /** The account itself, to leave documents as an earlier version or a crash left them. */
    let client: CosmosClient;
    before(() => {
      client = new CosmosClient({
        endpoint: server.endpoint,
        key: server.key,
        agent: new https.Agent({ rejectUnauthorized: false }),
      });
    });
    after(() => client.dispose());

    it('moves notifications a crash left on an inquiry into the outbox, once', async () => {
      const database = freshDatabaseName();
      const store = await openCosmosStore({
        ...account(),
        database,
        sweepEveryMs: 0,
        sweepAfterMs: 1000,
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
        await store.close();
      }
    });

    it('queues the notifications of a question asked again after a cut-short create under the inquiry it stored', async () => {
      const store = await openCosmosStore({ ...account(), database: freshDatabaseName() });
      const intentsFor = (inquiryId: string) => [
        { kind: 'asker.status' as const, inquiryId },
        { kind: 'triage.post' as const, inquiryId },
      ];
      try {
        // The first try reserves the question's request key, then the inquiry's own write fails,
        // as when the process dies between the two.
        server.strict.fail({
          method: 'POST',
          path: /\/colls\/inquiries\/docs$/,
          body: /"type":"inquiry"/,
          status: 500,
          times: 1,
        });
        const first = newInquiry({ id: 'first-try', requestKey: 'req-asked-again' });
        await assert.rejects(store.inquiries.create(first, intentsFor(first.id)));
        // Teams delivers the question again; the new turn drafts it under a fresh id.
        const again = newInquiry({ id: 'second-try', requestKey: 'req-asked-again' });
        const { inquiry, created } = await store.inquiries.create(again, intentsFor(again.id));
        assert.equal(created, true);

        const now = new Date('2026-11-28T09:00:05.000Z');
        const items = await store.outbox.lease(now, 'one', new Date(now.getTime() + 60_000), 10);
        assert.deepEqual(
          items.map((item) => item.intent),
          intentsFor(inquiry.id),
          'each notification names the inquiry that was stored',
        );
        assert.equal((await store.inquiries.get(inquiry.id))?.number, inquiry.number);
      } finally {
        await store.close();
      }
    });

    it('finds the reply to an inquiry that an earlier version left waiting for its asker', async () => {
      const database = freshDatabaseName();
      let store = await openCosmosStore({ ...account(), database });
      try {
        const { inquiry } = await store.inquiries.create(newInquiry(), []);
        const waiting = await store.inquiries.update(
          { ...inquiry, status: 'waiting_for_asker' },
          [],
        );
        assert.ok(waiting.ok);
        // As an earlier version wrote it: without the fields an asker's message is found by.
        const item = client.database(database).container('inquiries').item(inquiry.id, inquiry.id);
        const { resource } = await item.read<Record<string, unknown>>();
        assert.ok(resource?.askerKey && resource.number && resource.requestKeys);
        const { askerKey: _askerKey, number: _number, requestKeys: _keys, ...earlier } = resource;
        await item.replace(earlier);
        await store.close();

        store = await openCosmosStore({ ...account(), database });
        const found = await store.inquiries.meantByAskerMessage(inquiry.asker.key, {
          requestKey: 'chat|the-reply',
        });
        assert.deepEqual(
          found.map((i) => i.id),
          [inquiry.id],
        );
      } finally {
        await store.close();
      }
    });

    it("groups in a handler's queue an inquiry an earlier version wrote without its level and holder", async () => {
      const database = freshDatabaseName();
      let store = await openCosmosStore({ ...account(), database });
      try {
        const holder = { key: 'sverre@fylke.example', name: 'Sverre Lunde' };
        const { inquiry } = await store.inquiries.create(
          newInquiry({ status: 'claimed', level: 'coordinator', assignee: holder }),
          [],
        );
        // As an earlier version wrote it: without the fields a queue item is read from.
        const item = client.database(database).container('inquiries').item(inquiry.id, inquiry.id);
        const { resource } = await item.read<Record<string, unknown>>();
        assert.ok(resource?.level && resource.assigneeKey);
        const { level: _level, assigneeKey: _assigneeKey, ...earlier } = resource;
        await item.replace(earlier);
        await store.close();

        store = await openCosmosStore({ ...account(), database });
        const items = await store.inquiries.handlersQueueItems({ workAreaIds: ['skole'] }, 10);
        assert.deepEqual(
          items.map((i) => [i.id, i.level, i.assigneeKey]),
          [[inquiry.id, 'coordinator', holder.key]],
        );
      } finally {
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
  const realSelfSigned = process.env.COSMOS_TEST_ALLOW_SELF_SIGNED === 'on';
  describe('Cosmos DB store on a real account or emulator (COSMOS_TEST_ENDPOINT)', function () {
    this.timeout(300_000);
    // The contract includes reading back documents stored under keys with awkward characters.
    cosmosContract(`Cosmos DB (${realEndpoint})`, () => ({
      endpoint: realEndpoint,
      key: realKey,
      allowSelfSigned: realSelfSigned,
    }));
    realAccountOnly(realEndpoint, realKey, realSelfSigned);
  });
} else {
  describe('Cosmos DB store on a real account or emulator', () => {
    it('is skipped: set COSMOS_TEST_ENDPOINT and COSMOS_TEST_KEY to run the contract, the request charges and several physical partitions against one', function () {
      this.skip();
    });
  });
}

/**
 * What only a real account shows: the request charge of each access pattern, and queries on
 * containers with several physical partitions. Requests pass a recorder that notes each charge.
 */
function realAccountOnly(endpoint: string, key: string, selfSigned: boolean): void {
  describe('what needs a real account', () => {
    let recorder: StrictCosmos;
    let client: CosmosClient;
    const databases: string[] = [];
    before(async () => {
      recorder = await startStrictCosmos(endpoint, {
        passThrough: true,
        verifyUpstream: !selfSigned,
      });
      client = new CosmosClient({
        endpoint,
        key,
        ...(selfSigned ? { agent: new https.Agent({ rejectUnauthorized: false }) } : {}),
      });
    });
    after(async () => {
      for (const database of databases) await client.database(database).delete();
      client.dispose();
      await recorder.stop();
    });

    const openThroughRecorder = (database: string) => {
      databases.push(database);
      return openCosmosStore({ endpoint: recorder.endpoint, key, database, allowSelfSigned: true });
    };
    async function measure(what: string, run: () => Promise<unknown>): Promise<void> {
      const from = recorder.seen.length;
      await run();
      // The client's reads of the account itself cost nothing and are not the access pattern's.
      const requests = recorder.seen.slice(from).filter((request) => request.path !== '/');
      const charge = requests.reduce((sum, request) => sum + (request.charge ?? 0), 0);
      process.stdout.write(
        `      request charge: ${what}: ${charge.toFixed(2)} RU in ${requests.length} requests\n`,
      );
    }

    it('prints the request charge of each access pattern', async () => {
      const store = await openThroughRecorder(freshDatabaseName());
      try {
        const now = new Date('2026-11-28T09:00:00.000Z');
        await measure('organisation import, 3 people (first)', () =>
          store.organisation.replace(validOrganisation(), now),
        );
        await measure('organisation import, 3 people, nothing changed', () =>
          store.organisation.replace(validOrganisation(), now),
        );
        await measure('who is this person (personByEmail)', () =>
          store.organisation.personByEmail('kari@fylke.example'),
        );
        await measure('organisation changed? (version)', () => store.organisation.version());
        let created: Inquiry | undefined;
        await measure('open an inquiry with one notification (create)', async () => {
          created = (
            await store.inquiries.create(newInquiry({ dueAt: '2026-11-28T10:00:00.000Z' }), [
              { kind: 'triage.post', inquiryId: 'x' },
            ])
          ).inquiry;
        });
        const inquiry = created!;
        await measure('a card action: get', () => store.inquiries.get(inquiry.id));
        await measure('a card action: update with one notification', () =>
          store.inquiries.update({ ...inquiry, status: 'claimed' }, [
            { kind: 'triage.update', inquiryId: inquiry.id },
          ]),
        );
        await measure('record a posted card', () =>
          store.inquiries.recordCard(inquiry.id, {
            triage: { conversationId: 'c', activityId: 'a' },
          }),
        );
        await measure('my inquiries (listByAsker, 1 inquiry)', () =>
          store.inquiries.listByAsker('kari@fylke.example', 10),
        );
        await measure('find by number', () => store.inquiries.byNumber(inquiry.number));
        await measure('escalation work (due), nothing due', () => store.inquiries.due(now, 50));
        await measure('escalation work (due), one due', () =>
          store.inquiries.due(new Date('2026-11-28T11:00:00.000Z'), 50),
        );
        let leased: OutboxItem[] = [];
        await measure('outbox lease, 2 due', async () => {
          leased = await store.outbox.lease(new Date(), 'me', new Date(Date.now() + 60_000), 10);
        });
        await measure('outbox lease, nothing due', () =>
          store.outbox.lease(new Date(0), 'me', new Date(60_000), 10),
        );
        await measure('outbox complete', () => store.outbox.complete(leased[0].id, 'me', now));
        await measure('/readyz figure (oldestPending)', () => store.outbox.oldestPending());
        await measure('turn state write (2 keys)', () =>
          store.state.write({ a: { value: { n: 1 } }, b: { value: { n: 2 } } }),
        );
        await measure('turn state read (2 keys)', () => store.state.read(['a', 'b']));
        await measure('profile read', () => store.profiles.get('kari@fylke.example'));
      } finally {
        await store.close();
      }
    });

    it('runs due and lease with nothing due on containers with several physical partitions', async () => {
      const id = freshDatabaseName();
      databases.push(id);
      const { database } = await client.databases.create({ id });
      for (const definition of [containers.inquiries, containers.outbox]) {
        // More than 10,000 RU/s gives a container more than one physical partition.
        const { container } = await database.containers.create(definition, {
          offerThroughput: 11_000,
        });
        const ranges = await container.readPartitionKeyRanges().fetchAll();
        assert.ok(ranges.resources.length > 1, `${definition.id} has several physical partitions`);
      }
      const store = await openThroughRecorder(id);
      databases.pop(); // deleted with the database above
      try {
        const now = new Date('2026-11-28T09:00:00.000Z');
        await measure('due on several physical partitions, nothing due', async () => {
          assert.deepEqual(await store.inquiries.due(now, 50), []);
        });
        await measure('lease on several physical partitions, nothing due', async () => {
          assert.deepEqual(
            await store.outbox.lease(now, 'me', new Date(now.getTime() + 1000), 10),
            [],
          );
        });
        await store.inquiries.create(newInquiry({ dueAt: '2026-11-28T08:00:00.000Z' }), [
          { kind: 'triage.post', inquiryId: 'x' },
        ]);
        assert.equal((await store.inquiries.due(now, 50)).length, 1);
      } finally {
        await store.close();
      }
    });
  });
}
