import assert from 'node:assert/strict';
import type { KnowledgeEntry, SolvedInquiry } from '../../src/knowledge/entry';
import type { Store } from '../../src/store/ports';

export function knowledgeEntry(overrides: Partial<KnowledgeEntry> = {}): KnowledgeEntry {
  return {
    id: 'melde-avvik',
    question: 'Hvordan melder jeg et avvik?',
    answer: 'Velg «Meld avvik» på forsiden av Qm+.',
    topicId: 'avvik',
    keywords: ['avvik', 'melding'],
    language: 'nb',
    translation: {
      language: 'en',
      question: 'How do I report a deviation?',
      answer: 'Choose "Report deviation" on the front page.',
    },
    source: { kind: 'file', fingerprint: 'abc' },
    status: 'active',
    updatedAt: '2026-11-28T09:00:00.000Z',
    ...overrides,
  };
}

function solved(inquiryId: string, overrides: Partial<SolvedInquiry> = {}): SolvedInquiry {
  return {
    inquiryId,
    number: `QM-2026-${inquiryId}`,
    question: 'Hvor finner jeg rutinen for brannøvelse?',
    answer: 'Under «HMS» i e-håndboka.',
    topicId: 'ehandbok',
    locale: 'nb',
    resolvedAt: '2026-11-28T10:00:00.000Z',
    ...overrides,
  };
}

/** The knowledge base's part of the store contract, run inside it for each adapter. */
export function knowledgeContract(store: () => Store): void {
  describe('knowledge base', () => {
    it('stores an entry once and replaces it only with its current etag', async () => {
      const created = await store().knowledge.putEntry(knowledgeEntry());
      assert.ok(created.ok);
      const again = await store().knowledge.putEntry(knowledgeEntry());
      assert.deepEqual(again, { ok: false, reason: 'conflict' });
      const read = await store().knowledge.entry('melde-avvik');
      assert.equal(read?.translation?.question, 'How do I report a deviation?');
      const retired = await store().knowledge.putEntry({ ...read, status: 'retired' });
      assert.ok(retired.ok);
      const stale = await store().knowledge.putEntry({ ...read, answer: 'Gammelt svar' });
      assert.deepEqual(stale, { ok: false, reason: 'conflict' });
      assert.equal((await store().knowledge.entry('melde-avvik'))?.status, 'retired');
      assert.equal(await store().knowledge.entry('finnes-ikke'), undefined);
    });

    it('lists every entry, retired ones too, with awkward ids', async () => {
      await store().knowledge.putEntry(knowledgeEntry({ id: "o'brien/%?#" }));
      await store().knowledge.putEntry(knowledgeEntry({ id: 'b', status: 'retired' }));
      const ids = (await store().knowledge.entries()).map((e) => e.id).sort();
      assert.deepEqual(ids, ['b', "o'brien/%?#"]);
    });

    it('moves the marker with every write of an entry or a solved inquiry', async () => {
      const first = await store().knowledge.marker();
      await store().knowledge.putEntry(knowledgeEntry());
      const second = await store().knowledge.marker();
      assert.notDeepEqual(second, first);
      await store().knowledge.recordSolved(solved('1'));
      const third = await store().knowledge.marker();
      assert.notDeepEqual(third, second);
      assert.deepEqual(await store().knowledge.marker(), third, 'reading changes nothing');
      assert.equal(await store().knowledge.entriesMarker(), third.entries);
      assert.notEqual(third.entries, first.entries, 'the entries half moved with the entry');
    });

    it('gives solved inquiries in the order they were recorded, a repeat replacing the first', async () => {
      await store().knowledge.recordSolved(solved('1'));
      await store().knowledge.recordSolved(solved('2'));
      await store().knowledge.recordSolved(solved('1', { answer: 'Nytt svar' }));
      const all = await store().knowledge.solvedAfter(0, 10);
      assert.deepEqual(
        all.map((s) => s.inquiryId),
        ['2', '1'],
      );
      assert.equal(all[1].answer, 'Nytt svar');
      const later = await store().knowledge.solvedAfter(all[0].seq!, 10);
      assert.deepEqual(
        later.map((s) => s.inquiryId),
        ['1'],
      );
      assert.deepEqual(
        (await store().knowledge.solvedAfter(0, 1)).map((s) => s.inquiryId),
        ['2'],
      );
      assert.equal((await store().knowledge.solved('1'))?.answer, 'Nytt svar');
      assert.equal(await store().knowledge.solved('3'), undefined);
    });

    it('counts a self-served question once', async () => {
      const record = {
        id: 'conv|activity',
        entryId: 'melde-avvik',
        askerKey: 'kari@fylke.example',
        at: '2026-11-28T09:00:00.000Z',
      };
      assert.equal(await store().knowledge.recordSelfServed(record), true);
      assert.equal(await store().knowledge.recordSelfServed(record), false);
      assert.equal((await store().knowledge.selfServed('conv|activity'))?.entryId, 'melde-avvik');
      assert.equal(await store().knowledge.selfServed('conv|other'), undefined);
      await store().knowledge.recordSelfServed({
        ...record,
        id: 'other',
        at: '2026-11-30T09:00:00.000Z',
      });
      const since = await store().knowledge.selfServedSince(new Date('2026-11-29T00:00:00Z'));
      assert.deepEqual(
        since.map((r) => r.id),
        ['other'],
      );
    });
  });
}
