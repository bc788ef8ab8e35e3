import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { knowledgeSchemaFile, knowledgeSchemaText } from '../../bot/knowledge-schema';
import { importKnowledgeFile, parseKnowledgeFile } from '../../src/knowledge/file';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index';
import { createLogger } from '../../src/logger';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/ports';

const root = path.join(__dirname, '..', '..', '..');
const topics = ['ehandbok', 'avvik', 'tilgang', 'annet'];
const clock = { now: () => new Date('2026-11-30T09:00:00Z') };
const logger = createLogger('silent');

function file(entries: object[]): string {
  return JSON.stringify({ entries });
}

const entry = {
  id: 'melde-avvik',
  question: 'Hvordan melder jeg et avvik?',
  answer: 'Velg «Meld avvik».\nSå «Send».',
  topic: 'avvik',
};

describe('knowledge-base file', () => {
  it('publishes a JSON Schema that matches the validation (npm run knowledge:schema)', () => {
    assert.equal(fs.readFileSync(knowledgeSchemaFile, 'utf8'), knowledgeSchemaText());
  });

  it('accepts the sample knowledge base beside the sample organisation', () => {
    const parsed = parseKnowledgeFile(
      fs.readFileSync(path.join(root, 'org', 'knowledge-base.json'), 'utf8'),
      topics,
    );
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
    assert.ok(parsed.file.entries.length >= 20);
  });

  it('reports every error with its JSON path: unknown topic, repeated id, bad link, not JSON', () => {
    const parsed = parseKnowledgeFile(
      file([
        { ...entry, topic: 'ukjent' },
        { ...entry, id: 'to', link: 'ftp://x' },
        { ...entry, id: 'to' },
      ]),
      topics,
    );
    assert.ok(!parsed.ok);
    const paths = parsed.errors.map((e) => e.path);
    assert.ok(paths.includes('$.entries[1].link'), paths.join());
    assert.ok(paths.includes('$.entries[2].id'), paths.join());
    const topic = parseKnowledgeFile(file([{ ...entry, topic: 'ukjent' }]), topics);
    assert.ok(!topic.ok);
    assert.equal(topic.errors[0].path, '$.entries[0].topic');
    const broken = parseKnowledgeFile('{', topics);
    assert.ok(!broken.ok);
    assert.equal(broken.errors[0].path, '$');
  });

  describe('in the store', () => {
    let store: Store;
    beforeEach(() => {
      store = openSqliteStore(':memory:');
    });
    afterEach(() => store.close());

    async function load(text: string) {
      const parsed = parseKnowledgeFile(text, topics);
      assert.ok(parsed.ok);
      return importKnowledgeFile(store.knowledge, parsed.file, clock, logger);
    }

    it('adds new entries, updates changed ones, and keeps what handlers did to unchanged ones', async () => {
      assert.deepEqual(await load(file([entry])), { added: 1, changed: 0 });
      const stored = (await store.knowledge.entry('melde-avvik'))!;
      await store.knowledge.putEntry({ ...stored, status: 'retired' });
      assert.deepEqual(await load(file([entry])), { added: 0, changed: 0 });
      assert.equal((await store.knowledge.entry('melde-avvik'))?.status, 'retired');
      assert.deepEqual(await load(file([{ ...entry, answer: 'Nytt svar' }])), {
        added: 0,
        changed: 1,
      });
      assert.equal((await store.knowledge.entry('melde-avvik'))?.answer, 'Nytt svar');
    });

    it('keeps the index of every instance up to date from the store, never the other way round', async () => {
      const first = new KnowledgeIndex(store.knowledge);
      const second = new KnowledgeIndex(store.knowledge);
      await Promise.all([first.refresh(), second.refresh()]);
      assert.deepEqual(first.suggest('melde avvik'), []);
      await load(file([entry]));
      await first.refresh();
      assert.equal(first.suggest('melde avvik')[0]?.entry.id, 'melde-avvik');
      const stored = (await store.knowledge.entry('melde-avvik'))!;
      await store.knowledge.putEntry({ ...stored, status: 'retired' });
      await Promise.all([first.refresh(), second.refresh()]);
      assert.deepEqual(first.suggest('melde avvik'), []);
      assert.deepEqual(second.suggest('melde avvik'), []);
      await store.knowledge.recordSolved({
        inquiryId: 'i1',
        number: 'QM-2026-0001',
        question: 'Hvor er brannrutinen?',
        answer: 'Under HMS.',
        topicId: 'ehandbok',
        locale: 'nb',
        resolvedAt: clock.now().toISOString(),
      });
      await second.refresh();
      assert.deepEqual(
        (await second.similar('brannrutine')).map((s) => s.number),
        ['QM-2026-0001'],
      );
    });
  });
});
