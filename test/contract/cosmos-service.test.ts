import assert from 'node:assert/strict';
import https from 'node:https';
import { Writable } from 'node:stream';
import { CosmosClient, type Container, type ContainerDefinition } from '@azure/cosmos';
import pino from 'pino';
import { openCosmosStore, type CosmosStoreOptions } from '../../src/store/cosmos/cosmos-store';
import { containers } from '../../src/store/cosmos/containers';
import { queryPages } from '../../src/store/cosmos/documents';
import {
  StoreConnectionError,
  StoreRefusedError,
  isStoreUnavailable,
} from '../../src/store/errors';
import { absenceReadAgeMs, sharedMarkerReadAgeMs, type Store } from '../../src/store/ports';
import { freshDatabaseName, startCosmosServer, type CosmosServer } from '../support/cosmos-server';
import { knowledgeEntry } from './knowledge-contract';
import { newInquiry, organisation, validOrganisation } from './store-contract';

/**
 * What Azure Cosmos DB enforces and cosmosdb-server alone does not, through the strict layer: the
 * store must keep working (or refuse to start, with one clear line) as it would on the service.
 */
describe('Cosmos DB store as the service behaves', function () {
  let server: CosmosServer;
  let client: CosmosClient;
  const open: Store[] = [];
  const logged: { level: number; msg: string; [key: string]: unknown }[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString()) as (typeof logged)[number]);
        done();
      },
    }),
  );

  before(async () => {
    server = await startCosmosServer();
    client = new CosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      agent: new https.Agent({ rejectUnauthorized: false }),
    });
  });
  after(async () => {
    client.dispose();
    await server.stop();
  });
  afterEach(async () => {
    server.strict.account.consistency = 'Session';
    server.strict.account.multipleWriteLocations = false;
    logged.length = 0;
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  async function openStore(
    database = freshDatabaseName(),
    bulkPace?: CosmosStoreOptions['bulkPace'],
  ): Promise<Store> {
    const store = await openCosmosStore({
      endpoint: server.endpoint,
      key: server.key,
      database,
      allowSelfSigned: true,
      pageSize: 5,
      logger,
      ...(bulkPace ? { bulkPace } : {}),
    });
    open.push(store);
    return store;
  }

  async function opened(more: Partial<CosmosStoreOptions>): Promise<Store> {
    const store = await openCosmosStore({
      endpoint: server.endpoint,
      key: server.key,
      database: freshDatabaseName(),
      allowSelfSigned: true,
      logger,
      ...more,
    });
    open.push(store);
    return store;
  }

  function opening(database: string): Promise<Store> {
    return openCosmosStore({
      endpoint: server.endpoint,
      key: server.key,
      database,
      allowSelfSigned: true,
      logger,
    });
  }

  describe('the strict layer in front of cosmosdb-server', () => {
    it('refuses what the service refuses and pages queries as cross-partition queries come back', async () => {
      const { database } = await client.databases.create({ id: freshDatabaseName() });
      const { container } = await database.containers.create({
        id: 'c',
        partitionKey: { paths: ['/pk'], version: 2 },
      });
      const statusOf = (error: unknown) => (error as { code?: unknown }).code;
      await assert.rejects(
        container.items.create({ id: 'a?b', pk: 'a' }),
        (e) => statusOf(e) === 400,
      );
      await container.items.create({ id: 'a%40b', pk: 'a' });
      await assert.rejects(container.item('a%40b', 'a').read(), (e) => statusOf(e) === 401);
      await assert.rejects(
        container.items.create({ id: 'big', pk: 'a', text: 'x'.repeat(2 * 1024 * 1024) }),
        (e) => statusOf(e) === 413,
      );
      await container.items.create({ id: 'n', pk: 'n', v: 0 });
      await assert.rejects(
        container
          .item('n', 'n')
          .patch(Array.from({ length: 11 }, () => ({ op: 'incr' as const, path: '/v', value: 1 }))),
        (e) => statusOf(e) === 400,
      );
      const pages: number[] = [];
      const iterator = container.items.query('SELECT * FROM c', { maxItemCount: 5 });
      while (iterator.hasMoreResults()) pages.push((await iterator.fetchNext()).resources.length);
      assert.equal(pages[0], 0, 'the first page is empty');
      assert.equal(
        pages.reduce((a, b) => a + b, 0),
        2,
      );
      await database.delete();
    });
  });

  describe('the account', () => {
    it('refuses to start on an account that accepts writes in several regions', async () => {
      server.strict.account.multipleWriteLocations = true;
      await assert.rejects(
        opening(freshDatabaseName()),
        (error: Error) =>
          error instanceof StoreConnectionError && /single write region/.test(error.message),
      );
    });

    it('refuses to start on an account with consistency weaker than Session', async () => {
      server.strict.account.consistency = 'Eventual';
      await assert.rejects(
        opening(freshDatabaseName()),
        (error: Error) =>
          error instanceof StoreConnectionError &&
          /consistency is Eventual; the store needs Session or stronger/.test(error.message),
      );
    });

    it('starts on an account with Strong consistency and one write region', async () => {
      server.strict.account.consistency = 'Strong';
      await openStore();
    });
  });

  describe('containers found at start', () => {
    async function withContainer(definition: ContainerDefinition): Promise<string> {
      const id = freshDatabaseName();
      const { database } = await client.databases.create({ id });
      await database.containers.create(definition);
      return id;
    }

    const refusals: [string, ContainerDefinition, RegExp][] = [
      [
        'an outbox container with time to live turned off',
        { id: 'outbox', partitionKey: { paths: ['/pk'], version: 2 } },
        /container outbox has time to live turned off/,
      ],
      [
        'a container with another partition key path',
        { id: 'inquiries', partitionKey: { paths: ['/id'], version: 2 } },
        /container inquiries has partition key \/id, the store needs \/pk/,
      ],
      [
        'a container with partition key version 1',
        { id: 'state', partitionKey: { paths: ['/pk'] } },
        /container state has partition key version 1/,
      ],
    ];
    for (const [what, definition, line] of refusals) {
      it(`refuses to start on ${what}, in one line`, async () => {
        const database = await withContainer(definition);
        await assert.rejects(
          opening(database),
          (error: Error) =>
            error instanceof StoreConnectionError &&
            line.test(error.message) &&
            !error.message.includes('\n'),
        );
      });
    }

    it('puts the indexing policy of an existing container right', async () => {
      const database = await withContainer({
        id: 'outbox',
        partitionKey: { paths: ['/pk'], version: 2 },
        defaultTtl: -1,
      });
      await openStore(database);
      const { resource } = await client.database(database).container('outbox').read();
      assert.deepEqual(
        resource?.indexingPolicy?.compositeIndexes,
        containers.outbox.indexingPolicy.compositeIndexes,
      );
      assert.deepEqual(resource?.indexingPolicy?.excludedPaths, [{ path: '/*' }]);
    });

    it('refuses a database written under the earlier id scheme', async () => {
      const database = freshDatabaseName();
      await openStore(database);
      await client.database(database).container('organisation').items.create({
        id: 'counter|organisation-generation',
        pk: 'counter|organisation-generation',
        type: 'counter',
        value: 7,
      });
      await assert.rejects(
        opening(database),
        (error: Error) =>
          error instanceof StoreConnectionError && /earlier id scheme/.test(error.message),
      );
    });
  });

  describe('queries', () => {
    it('leases through the composite index, and finished items leave the range it reads', async () => {
      const database = freshDatabaseName();
      const store = await openStore(database);
      const now = new Date('2026-11-28T09:00:00.000Z');
      await store.outbox.enqueue([{ kind: 'triage.post', inquiryId: 'x' }], now);
      const seenBefore = server.strict.seen.length;
      const [item] = await store.outbox.lease(now, 'me', new Date(now.getTime() + 1000), 10);
      const query = server.strict.seen
        .slice(seenBefore)
        .find((request) => request.query?.includes("c.state = 'pending'"))?.query;
      const orderBy = /ORDER BY\s+(.*)$/s
        .exec(query ?? '')?.[1]
        .trim()
        .split(/\s*,\s*/);
      assert.deepEqual(
        orderBy,
        containers.outbox.indexingPolicy.compositeIndexes?.[0].map((p) => `c.${p.path.slice(1)}`),
      );
      await store.outbox.complete(item.id, 'me', now);
      const id = String(item.id);
      const { resource } = await client
        .database(database)
        .container('outbox')
        .item(id, id)
        .read<{ state: string; availableAt?: string }>();
      assert.equal(resource?.state, 'sent');
      assert.equal(resource?.availableAt, undefined);
    });

    it('reads on past a page that comes back without resources, as the query-plan path can answer', async () => {
      const pages: (number[] | undefined)[] = [undefined, [], [1, 2], undefined, [3]];
      const fake = {
        id: 'fake',
        items: {
          query: () => ({
            hasMoreResults: () => pages.length > 0,
            fetchNext: () => Promise.resolve({ resources: pages.shift() }),
          }),
        },
      } as unknown as Container;
      const seen: number[] = [];
      await queryPages<number>(
        fake,
        'query',
        { query: 'SELECT VALUE c.n FROM c', parameters: [] },
        { pageSize: 5 },
        (page) => {
          seen.push(...page);
          return true;
        },
      );
      assert.deepEqual(seen, [1, 2, 3]);
    });

    it('finds due inquiries and leases due items when every first page is empty', async () => {
      const store = await openStore();
      for (let minute = 0; minute < 12; minute++)
        await store.inquiries.create(
          newInquiry({ dueAt: `2026-11-28T08:${String(minute).padStart(2, '0')}:00.000Z` }),
          [],
        );
      const now = new Date('2026-11-28T09:00:00.000Z');
      assert.equal((await store.inquiries.due(now, 10)).length, 10);
      await store.outbox.enqueue(
        Array.from({ length: 8 }, (_, i) => ({ kind: 'asker.status' as const, inquiryId: `${i}` })),
        now,
      );
      assert.equal(
        (await store.outbox.lease(now, 'me', new Date(now.getTime() + 1000), 20)).length,
        8,
      );
    });
  });

  describe('organisation import', () => {
    const importedLines = () =>
      logged.filter((line) => line.msg === 'organisation imported into Cosmos DB');

    const paces = [
      ['one by one', undefined],
      ['in bulk', { chunk: 2, perSecond: 10_000, bulkFrom: 1 }],
    ] as const;
    for (const [how, pace] of paces)
      it(`writes only the people an import adds, changes or removes (${how})`, async () => {
        const store = await openStore(freshDatabaseName(), pace);
        const at = new Date('2026-11-28T09:00:00.000Z');
        await store.organisation.replace(validOrganisation(), at);
        await store.organisation.replace(validOrganisation(), at);
        const [kari, tor, sverre] = [
          organisation.people[2],
          organisation.people[1],
          organisation.people[0],
        ];
        await store.organisation.replace(
          validOrganisation({
            people: [
              sverre,
              { ...tor, name: 'Tor Åsen' },
              { email: 'ny@fylke.example', name: 'Ny Person', unit: 'hauge-vgs' },
            ],
          }),
          at,
        );
        assert.deepEqual(
          importedLines().map((line) => [line.written, line.deleted]),
          [
            [4, 0], // three people, Sverre by email and by Entra id
            [0, 1], // nothing changed; the first snapshot is deleted
            [3, 2], // Tor changed, a newcomer, Kari removed; Kari and the second snapshot deleted
          ],
        );
        assert.equal((await store.organisation.personByEmail(tor.email))?.name, 'Tor Åsen');
        assert.equal(await store.organisation.personByEmail(kari.email), undefined);
        assert.equal(
          (await store.organisation.personByEmail('ny@fylke.example'))?.name,
          'Ny Person',
        );
        assert.equal(await store.organisation.version(), 3);
      });
  });

  describe('notifications moving into the outbox', () => {
    it("keeps the writer's etag when the sweep moves notifications a failed move left on the inquiry", async () => {
      const store = await opened({ sweepEveryMs: 0, sweepAfterMs: 0 });
      server.strict.fail({ method: 'POST', path: /\/colls\/outbox\/docs$/, status: 500, times: 1 });
      const { inquiry } = await store.inquiries.create(newInquiry({ id: 'inq-moving' }), [
        { kind: 'triage.post', inquiryId: 'inq-moving' },
      ]);
      const now = new Date('2026-11-28T09:00:00.000Z');
      const leased = await store.outbox.lease(now, 'me', new Date(now.getTime() + 1000), 10);
      assert.equal(leased.length, 1, 'the sweep moved the notification the failed move left');
      assert.equal((await store.inquiries.get(inquiry.id))?.etag, inquiry.etag);
      const updated = await store.inquiries.update({ ...inquiry, status: 'claimed' }, []);
      assert.ok(updated.ok, "the writer's next change is not refused as a conflict");
      const stale = await store.inquiries.update({ ...inquiry, status: 'resolved' }, []);
      assert.deepEqual(stale, { ok: false, reason: 'conflict' });
    });
  });

  describe('what a message from an asker is about', () => {
    it('finds an inquiry that waited for its asker before the reply list existed, once the store opens', async () => {
      const database = freshDatabaseName();
      const first = await openStore(database);
      const { inquiry } = await first.inquiries.create(newInquiry(), []);
      const waiting = await first.inquiries.update({ ...inquiry, status: 'waiting_for_asker' }, []);
      assert.ok(waiting.ok);
      // As an earlier version left it: no reply list beside the inquiry.
      const lists = client.database(database).container('inquiries');
      const { resources } = await lists.items
        .query("SELECT c.id, c.pk FROM c WHERE c.type = 'asker-replies'")
        .fetchAll();
      assert.equal(resources.length, 1);
      for (const list of resources as { id: string; pk: string }[])
        await lists.item(list.id, list.pk).delete();
      const askerKey = inquiry.asker.key;
      assert.deepEqual(
        await first.inquiries.meantByAskerMessage(askerKey, { requestKey: 'r' }),
        [],
      );

      const second = await openStore(database);
      assert.deepEqual(
        (await second.inquiries.meantByAskerMessage(askerKey, { requestKey: 'r' })).map(
          (i) => i.id,
        ),
        [inquiry.id],
      );
    });
  });

  describe("the asker's reply list and erasure", () => {
    it('leaves nothing keyed by the asker once their waiting inquiry is scrubbed to another key', async () => {
      const database = freshDatabaseName();
      const store = await openStore(database);
      const { inquiry } = await store.inquiries.create(newInquiry(), []);
      const waiting = await store.inquiries.update({ ...inquiry, status: 'waiting_for_asker' }, []);
      assert.ok(waiting.ok);
      const lists = async () =>
        (
          await client
            .database(database)
            .container('inquiries')
            .items.query("SELECT c.id FROM c WHERE c.type = 'asker-replies'")
            .fetchAll()
        ).resources.length;
      assert.equal(await lists(), 1);
      const scrubbed = await store.inquiries.scrub({
        ...waiting.value,
        asker: { key: 'erased:1', name: '' },
      });
      assert.ok(scrubbed.ok);
      assert.equal(await lists(), 0, "the former asker's reply list is gone");
    });
  });

  describe('reads remembered for routing', () => {
    /** Two instances on a new database; what the first remembers ages by `clock`. */
    async function twoInstances(clock: () => number): Promise<{ reader: Store; other: Store }> {
      const database = freshDatabaseName();
      const reader = await openCosmosStore({
        endpoint: server.endpoint,
        key: server.key,
        database,
        allowSelfSigned: true,
        logger,
        monotonicMs: clock,
      });
      open.push(reader);
      return { reader, other: await openStore(database) };
    }

    it('reads the absences another instance wrote once the remembered read is older than allowed, and not before', async () => {
      let now = 0;
      const { reader: router, other } = await twoInstances(() => now);
      const key = 'kari@fylke.example';
      const reads = () => server.strict.seen.filter((r) => r.path.includes('/colls/state/')).length;
      assert.deepEqual(await router.absences.forRouting([key]), []);
      const written = await other.absences.put({
        key,
        name: 'Kari Nordmann',
        until: '2026-12-12',
        endsAt: '2026-12-12T23:00:00.000Z',
        deputy: { key: 'ola@fylke.example', name: 'Ola Hansen', email: 'ola@fylke.example' },
        setAt: '2026-12-01T08:00:00.000Z',
      });
      assert.ok(written.ok);
      const before = reads();
      now += absenceReadAgeMs - 1;
      assert.deepEqual(await router.absences.forRouting([key]), [], 'a read younger than allowed');
      assert.equal(reads(), before, 'no request for a read younger than allowed');
      now += 1;
      assert.deepEqual(
        (await router.absences.forRouting([key])).map((a) => a.key),
        [key],
        'read again once older than allowed',
      );
    });

    it('reads the organisation version and the knowledge entries marker another instance moved once the remembered read is older than allowed, and its own moves at once', async function () {
      this.timeout(60_000);
      let now = 0;
      const { reader, other } = await twoInstances(() => now);
      const at = new Date('2026-12-01T08:00:00Z');
      await other.organisation.replace(validOrganisation(), at);
      const first = (await reader.organisation.recentVersion()) ?? assert.fail('no version');
      const entries = await reader.knowledge.entriesMarker();
      const markerReads = () =>
        server.strict.seen.filter(
          (r) =>
            r.method === 'GET' &&
            (r.path.endsWith('/colls/organisation/docs/current') ||
              r.path.includes('/colls/knowledge/docs/counter')),
        ).length;

      await other.organisation.replace(validOrganisation(), at);
      assert.ok((await other.knowledge.putEntry(knowledgeEntry())).ok);
      const before = markerReads();
      now += sharedMarkerReadAgeMs - 1;
      assert.equal(await reader.organisation.recentVersion(), first, 'a read younger than allowed');
      assert.equal(await reader.knowledge.entriesMarker(), entries, 'a read younger than allowed');
      assert.equal(markerReads(), before, 'no request for a read younger than allowed');
      assert.equal(await reader.organisation.version(), first + 1, 'version() reads now');

      now += 1;
      assert.equal(await reader.organisation.recentVersion(), first + 1, 'read again once older');
      assert.ok((await reader.knowledge.entriesMarker()) > entries, 'read again once older');

      const seen = markerReads();
      await reader.organisation.replace(validOrganisation(), at);
      assert.ok((await reader.knowledge.putEntry(knowledgeEntry({ id: 'egen' }))).ok);
      const reads = markerReads();
      assert.equal(await reader.organisation.recentVersion(), first + 2, 'its own import at once');
      const own = await reader.knowledge.entriesMarker();
      assert.equal(markerReads(), reads, 'its own moves need no read');
      assert.ok(own > entries + 1, 'both entries counted');
      assert.ok(reads > seen, 'the writes themselves made requests');
      now -= 10_000;
      await reader.organisation.recentVersion();
      assert.equal(markerReads(), reads + 1, 'a clock that went back counts as too old');
    });

    it("refreshes what it remembers whatever its age, so a turn finds another instance's change without a request of its own", async function () {
      this.timeout(60_000);
      const now = 0;
      const { reader, other } = await twoInstances(() => now);
      const at = new Date('2026-12-01T08:00:00Z');
      await other.organisation.replace(validOrganisation(), at);
      await reader.refreshRemembered();
      const first = (await reader.organisation.recentVersion()) ?? assert.fail('no version');
      const entries = await reader.knowledge.entriesMarker();

      await other.organisation.replace(validOrganisation(), at);
      assert.ok((await other.knowledge.putEntry(knowledgeEntry())).ok);
      await reader.refreshRemembered();
      const requests = server.strict.seen.length;
      assert.equal(await reader.organisation.recentVersion(), first + 1);
      assert.ok((await reader.knowledge.entriesMarker()) > entries);
      assert.deepEqual(await reader.absences.forRouting(['kari@fylke.example']), []);
      assert.equal(server.strict.seen.length, requests, 'no request on the turn');
    });

    it('takes inquiry numbers in blocks: one counter request for each block, every number given once across instances', async function () {
      this.timeout(60_000);
      const database = freshDatabaseName();
      const [one, two] = [await openStore(database), await openStore(database)];
      const counterRequests = () =>
        server.strict.seen.filter((r) => r.method === 'PATCH' && r.path.includes('/docs/counter'))
          .length;
      // Each instance's first number: the counter exists and each holds a block.
      const first = [
        await one.inquiries.create(newInquiry({ id: 'inq-block-one' }), []),
        await two.inquiries.create(newInquiry({ id: 'inq-block-two' }), []),
      ];
      const before = counterRequests();
      const created = await Promise.all(
        Array.from({ length: 28 }, (_, index) =>
          (index % 2 ? one : two).inquiries.create(newInquiry({ id: `inq-block-${index}` }), []),
        ),
      );
      const numbers = [...first, ...created].map((c) => c.inquiry.number);
      assert.equal(new Set(numbers).size, 30, 'every number once');
      assert.equal(counterRequests() - before, 2, 'one more block of ten for each instance');
      // Which block of ten each number came from, by instance (one: the first and odd ones).
      const byOne = (index: number) => index === 0 || (index >= 2 && index % 2 === 1);
      const blocksOf = (instance: number) =>
        new Set(
          numbers
            .filter((_, index) => (instance === 1) === byOne(index))
            .map((n) => Math.floor((Number(n.split('-').at(-1)) - 1) / 10)),
        );
      const [ofTwo, ofOne] = [blocksOf(0), blocksOf(1)];
      assert.equal(ofOne.size, 2, "one instance's fifteen numbers come from two blocks");
      assert.equal(ofTwo.size, 2, "the other's likewise");
      assert.deepEqual(
        [...ofOne].filter((block) => ofTwo.has(block)),
        [],
        'no block shared',
      );
    });
  });

  describe('contention and refusals', () => {
    it('retries a patch the service answers with 449 (retry with)', async () => {
      const store = await openStore();
      server.strict.fail({ method: 'PATCH', path: /\/docs\/counter/, status: 449, times: 3 });
      const { inquiry } = await store.inquiries.create(newInquiry({ id: 'inq-moving' }), []);
      assert.equal(inquiry.number, 'QM-2026-0001');
    });

    it('reports refused credentials as a refusal, not as the store being unavailable, and logs it', async () => {
      const store = await openStore();
      server.strict.fail({ method: 'GET', path: /\/colls\/state\/docs\//, status: 401, times: 1 });
      await assert.rejects(
        store.state.read(['k']),
        (error: Error) =>
          error instanceof StoreRefusedError &&
          error.refused === 'credentials' &&
          !isStoreUnavailable(error),
      );
      server.strict.fail({ method: 'GET', path: /\/colls\/state\/docs\//, status: 403, times: 1 });
      await assert.rejects(store.profiles.get('k'), StoreRefusedError);
      const errors = logged.filter((line) => line.level >= 50);
      assert.equal(errors.length, 2);
      assert.match(errors[0].msg, /key or identity is not allowed/);
      assert.equal(errors[0].operation, 'state.read');
    });

    it('reports a document the service refuses as too large as a refusal, not as unavailable', async () => {
      const store = await openStore();
      await assert.rejects(
        store.state.write({ big: { value: { text: 'x'.repeat(2 * 1024 * 1024) } } }),
        (error: Error) =>
          error instanceof StoreRefusedError && error.refused === 'request' && error.status === 413,
      );
    });
  });
});
