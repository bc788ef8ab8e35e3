import type Database from 'better-sqlite3';
import type {
  KnowledgeEntry,
  KnowledgeMarker,
  SelfServed,
  SolvedInquiry,
} from '../../knowledge/entry';
import type { KnowledgeRepository, WriteResult } from '../ports';
import { prepared } from './prepared';

const entriesCounter = 'knowledge-entries';
const solvedCounter = 'knowledge-solved';

/** The knowledge base in SQLite; the marker is two rows of the counters table. */
export class SqliteKnowledgeRepository implements KnowledgeRepository {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      counter: db.prepare('SELECT value FROM counters WHERE name = ?'),
      bump: db.prepare(
        `INSERT INTO counters (name, value) VALUES (?, 1)
         ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
      ),
      entries: db.prepare('SELECT doc, version FROM knowledge_entries ORDER BY id'),
      entry: db.prepare('SELECT doc, version FROM knowledge_entries WHERE id = ?'),
      insertEntry: db.prepare(
        'INSERT INTO knowledge_entries (id, version, doc) VALUES (?, 1, ?) ON CONFLICT DO NOTHING',
      ),
      updateEntry: db.prepare(
        'UPDATE knowledge_entries SET doc = ?, version = version + 1 WHERE id = ? AND version = ?',
      ),
      upsertSolved: db.prepare(
        `INSERT INTO solved_inquiries (inquiry_id, seq, doc) VALUES (?, ?, ?)
         ON CONFLICT (inquiry_id) DO UPDATE SET seq = excluded.seq, doc = excluded.doc`,
      ),
      solved: db.prepare('SELECT doc, seq FROM solved_inquiries WHERE inquiry_id = ?'),
      solvedAfter: db.prepare(
        'SELECT doc, seq FROM solved_inquiries WHERE seq > ? ORDER BY seq LIMIT ?',
      ),
      insertSelfServed: db.prepare(
        'INSERT INTO self_served (id, at, doc) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      selfServed: db.prepare('SELECT doc FROM self_served WHERE id = ?'),
      selfServedSince: db.prepare('SELECT doc FROM self_served WHERE at >= ? ORDER BY at'),
    };
  }

  marker(): Promise<KnowledgeMarker> {
    return Promise.resolve({
      entries: this.counter(entriesCounter),
      solved: this.counter(solvedCounter),
    });
  }

  entriesMarker(): Promise<number> {
    return Promise.resolve(this.counter(entriesCounter));
  }

  private counter(name: string): number {
    return (this.statements.counter.get(name) as { value: number } | undefined)?.value ?? 0;
  }

  entries(): Promise<KnowledgeEntry[]> {
    return Promise.resolve((this.statements.entries.all() as EntryRow[]).map(fromEntryRow));
  }

  entry(id: string): Promise<KnowledgeEntry | undefined> {
    const row = this.statements.entry.get(id) as EntryRow | undefined;
    return Promise.resolve(row ? fromEntryRow(row) : undefined);
  }

  putEntry(entry: KnowledgeEntry): Promise<WriteResult<KnowledgeEntry>> {
    const { etag, ...doc } = entry;
    const json = JSON.stringify(doc);
    const put = this.db.transaction((): WriteResult<KnowledgeEntry> => {
      const { changes } =
        etag === undefined
          ? this.statements.insertEntry.run(entry.id, json)
          : this.statements.updateEntry.run(json, entry.id, Number(etag));
      if (changes !== 1) {
        const exists = this.statements.entry.get(entry.id) !== undefined;
        return { ok: false, reason: exists || etag === undefined ? 'conflict' : 'not_found' };
      }
      this.statements.bump.get(entriesCounter);
      const version = etag === undefined ? 1 : Number(etag) + 1;
      return { ok: true, value: { ...entry, etag: String(version) } };
    });
    return Promise.resolve(put.immediate());
  }

  recordSolved(solved: SolvedInquiry): Promise<void> {
    const { seq: _seq, ...doc } = solved;
    this.db
      .transaction(() => {
        const { value } = this.statements.bump.get(solvedCounter) as { value: number };
        this.statements.upsertSolved.run(solved.inquiryId, value, JSON.stringify(doc));
      })
      .immediate();
    return Promise.resolve();
  }

  solved(inquiryId: string): Promise<SolvedInquiry | undefined> {
    const row = this.statements.solved.get(inquiryId) as SolvedRow | undefined;
    return Promise.resolve(row ? fromSolvedRow(row) : undefined);
  }

  solvedAfter(seq: number, limit: number): Promise<SolvedInquiry[]> {
    const rows = this.statements.solvedAfter.all(seq, limit) as SolvedRow[];
    return Promise.resolve(rows.map(fromSolvedRow));
  }

  recordSelfServed(record: SelfServed): Promise<boolean> {
    const { changes } = this.statements.insertSelfServed.run(
      record.id,
      record.at,
      JSON.stringify(record),
    );
    return Promise.resolve(changes === 1);
  }

  selfServed(id: string): Promise<SelfServed | undefined> {
    const row = this.statements.selfServed.get(id) as { doc: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.doc) as SelfServed) : undefined);
  }

  selfServedSince(since: Date): Promise<SelfServed[]> {
    const rows = this.statements.selfServedSince.all(since.toISOString()) as { doc: string }[];
    return Promise.resolve(rows.map((row) => JSON.parse(row.doc) as SelfServed));
  }

  selfServedBy(askerKey: string): Promise<SelfServed[]> {
    const rows = prepared(
      this.db,
      `SELECT doc FROM self_served WHERE json_extract(doc, '$.askerKey') = ? ORDER BY at`,
    ).all(askerKey) as { doc: string }[];
    return Promise.resolve(rows.map((row) => JSON.parse(row.doc) as SelfServed));
  }

  reassignSelfServed(askerKey: string, placeholder: string): Promise<number> {
    const { changes } = prepared(
      this.db,
      `UPDATE self_served SET doc = json_set(doc, '$.askerKey', ?)
         WHERE json_extract(doc, '$.askerKey') = ?`,
    ).run(placeholder, askerKey);
    return Promise.resolve(changes);
  }
}

interface EntryRow {
  doc: string;
  version: number;
}

interface SolvedRow {
  doc: string;
  seq: number;
}

function fromEntryRow(row: EntryRow): KnowledgeEntry {
  return { ...(JSON.parse(row.doc) as KnowledgeEntry), etag: String(row.version) };
}

function fromSolvedRow(row: SolvedRow): SolvedInquiry {
  return { ...(JSON.parse(row.doc) as SolvedInquiry), seq: row.seq };
}
