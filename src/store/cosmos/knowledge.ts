import type { Container } from '@azure/cosmos';
import type {
  KnowledgeEntry,
  KnowledgeMarker,
  SelfServed,
  SolvedInquiry,
} from '../../knowledge/entry';
import { sharedMarkerReadAgeMs, type KnowledgeRepository, type WriteResult } from '../ports';
import type { Counters } from './counters';
import {
  attempt,
  call,
  createOnce,
  queryPages,
  readDoc,
  replaceIf,
  type Stored,
} from './documents';
import { docId } from './ids';
import { RecentMarker } from './recent-marker';

/** The counter that moves with every write of an entry: the entries' half of the marker. */
export const entriesCounter = 'knowledge-entries';
const solvedCounter = 'knowledge-solved';

interface EntryDoc {
  id: string;
  pk: string;
  type: 'entry';
  entry: Omit<KnowledgeEntry, 'etag'>;
}

interface SolvedDoc {
  id: string;
  pk: string;
  type: 'solved';
  seq: number;
  solved: Omit<SolvedInquiry, 'seq'>;
}

interface SelfServedDoc {
  id: string;
  pk: string;
  type: 'self-served';
  at: string;
  record: SelfServed;
}

/**
 * The knowledge base in Cosmos DB, in its own container; each document is its own partition.
 * The marker is two counters: the entries counter moves after an entry is written, so a reader
 * that sees it move finds the entry; a solved inquiry takes its `seq` from the solved counter
 * before it is written, so a reader may see a higher `seq` before a lower one lands (readers
 * look back a little, see `KnowledgeIndex`).
 */
export class CosmosKnowledgeRepository implements KnowledgeRepository {
  /** The entries' counter as a suggestion turn reads it. */
  private readonly entriesSeen: RecentMarker;

  constructor(
    private readonly container: Container,
    private readonly counters: Counters,
    private readonly pageSize: number,
    monotonicMs: () => number,
  ) {
    this.entriesSeen = new RecentMarker(
      () => this.counter(entriesCounter),
      sharedMarkerReadAgeMs,
      monotonicMs,
    );
  }

  async marker(): Promise<KnowledgeMarker> {
    const [entries, solved] = await Promise.all(
      [entriesCounter, solvedCounter].map((name) => this.counter(name)),
    );
    return { entries, solved };
  }

  async entriesMarker(): Promise<number> {
    return (await this.entriesSeen.get()) ?? 0;
  }

  /** Reads the entries' counter again now, for `entriesMarker`. */
  async refreshEntriesMarker(): Promise<void> {
    await this.entriesSeen.refresh();
  }

  private async counter(name: string): Promise<number> {
    const id = docId('counter', name);
    return (await readDoc<{ id: string; value: number }>(this.container, id, id))?.value ?? 0;
  }

  async entries(): Promise<KnowledgeEntry[]> {
    const found: KnowledgeEntry[] = [];
    await queryPages<Stored<EntryDoc>>(
      this.container,
      'query of knowledge entries',
      { query: "SELECT * FROM c WHERE c.type = 'entry'", parameters: [] },
      { pageSize: this.pageSize },
      (page) => {
        found.push(...page.map(toEntry));
        return true;
      },
    );
    return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async entry(id: string): Promise<KnowledgeEntry | undefined> {
    const key = docId('entry', id);
    const found = await readDoc<EntryDoc>(this.container, key, key);
    return found ? toEntry(found) : undefined;
  }

  async putEntry(entry: KnowledgeEntry): Promise<WriteResult<KnowledgeEntry>> {
    const { etag, ...value } = entry;
    const key = docId('entry', entry.id);
    const next: EntryDoc = { id: key, pk: key, type: 'entry', entry: value };
    let written: KnowledgeEntry;
    if (etag === undefined) {
      const created = await attempt(`create of knowledge entry ${entry.id}`, () =>
        this.container.items.create(next).then((r) => r.resource),
      );
      if (!created.ok || !created.value) return { ok: false, reason: 'conflict' };
      written = { ...entry, etag: created.value._etag };
    } else {
      const replaced = await replaceIf(this.container, next, etag);
      if (!replaced.ok)
        return { ok: false, reason: replaced.status === 404 ? 'not_found' : 'conflict' };
      written = { ...entry, etag: replaced.value._etag };
    }
    this.entriesSeen.wrote(await this.counters.next(entriesCounter));
    return { ok: true, value: written };
  }

  async recordSolved(solved: SolvedInquiry): Promise<void> {
    const { seq: _seq, ...value } = solved;
    const seq = await this.counters.next(solvedCounter);
    const key = docId('solved', solved.inquiryId);
    const next: SolvedDoc = { id: key, pk: key, type: 'solved', seq, solved: value };
    await call(`write of solved inquiry ${solved.number}`, () => this.container.items.upsert(next));
  }

  async solved(inquiryId: string): Promise<SolvedInquiry | undefined> {
    const key = docId('solved', inquiryId);
    const found = await readDoc<SolvedDoc>(this.container, key, key);
    return found ? { ...found.solved, seq: found.seq } : undefined;
  }

  async solvedAfter(seq: number, limit: number): Promise<SolvedInquiry[]> {
    const found: SolvedInquiry[] = [];
    await queryPages<Stored<SolvedDoc>>(
      this.container,
      'query of solved inquiries',
      {
        query: "SELECT * FROM c WHERE c.type = 'solved' AND c.seq > @seq ORDER BY c.seq",
        parameters: [{ name: '@seq', value: seq }],
      },
      { pageSize: Math.min(limit, 1000) },
      (page) => {
        found.push(...page.map((doc) => ({ ...doc.solved, seq: doc.seq })));
        return found.length < limit;
      },
    );
    return found.slice(0, limit);
  }

  async recordSelfServed(record: SelfServed): Promise<boolean> {
    const key = docId('self-served', record.id);
    return createOnce<SelfServedDoc>(this.container, {
      id: key,
      pk: key,
      type: 'self-served',
      at: record.at,
      record,
    });
  }

  async selfServed(id: string): Promise<SelfServed | undefined> {
    const key = docId('self-served', id);
    return (await readDoc<SelfServedDoc>(this.container, key, key))?.record;
  }

  async selfServedBy(askerKey: string): Promise<SelfServed[]> {
    return (await this.selfServedDocsBy(askerKey)).map((doc) => doc.record);
  }

  async reassignSelfServed(askerKey: string, placeholder: string): Promise<number> {
    let changed = 0;
    for (const doc of await this.selfServedDocsBy(askerKey)) {
      const written = await replaceIf(
        this.container,
        { ...doc, record: { ...doc.record, askerKey: placeholder } },
        doc._etag,
      );
      if (written.ok) changed++;
    }
    return changed;
  }

  /** A scan of the self-served questions for one asker's: the key is not indexed. */
  private async selfServedDocsBy(askerKey: string): Promise<Stored<SelfServedDoc>[]> {
    const found: Stored<SelfServedDoc>[] = [];
    await queryPages<Stored<SelfServedDoc>>(
      this.container,
      "scan of a person's self-served questions",
      { query: "SELECT * FROM c WHERE c.type = 'self-served'", parameters: [] },
      { pageSize: this.pageSize },
      (page) => {
        found.push(...page.filter((doc) => doc.record.askerKey === askerKey));
        return true;
      },
    );
    return found;
  }

  async selfServedSince(since: Date): Promise<SelfServed[]> {
    const found: SelfServed[] = [];
    await queryPages<Stored<SelfServedDoc>>(
      this.container,
      'query of self-served questions',
      {
        query: "SELECT * FROM c WHERE c.type = 'self-served' AND c.at >= @since",
        parameters: [{ name: '@since', value: since.toISOString() }],
      },
      { pageSize: this.pageSize },
      (page) => {
        found.push(...page.map((doc) => doc.record));
        return true;
      },
    );
    return found.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}

function toEntry(doc: Stored<EntryDoc>): KnowledgeEntry {
  return { ...doc.entry, etag: doc._etag };
}
