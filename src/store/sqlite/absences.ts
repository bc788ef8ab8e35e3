import type Database from 'better-sqlite3';
import type { Absence } from '../../absence/absence';
import type { AbsenceRepository, WriteResult } from '../ports';

export class SqliteAbsenceRepository implements AbsenceRepository {
  private readonly select: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly replace: Database.Statement;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT doc, version FROM absences WHERE key = ?');
    this.insert = db.prepare(
      'INSERT INTO absences (key, version, doc) VALUES (?, 1, ?) ON CONFLICT DO NOTHING',
    );
    this.replace = db.prepare(
      'UPDATE absences SET doc = ?, version = version + 1 WHERE key = ? AND version = ?',
    );
  }

  get(key: string): Promise<Absence | undefined> {
    const row = this.select.get(key) as { doc: string; version: number } | undefined;
    return Promise.resolve(
      row ? { ...(JSON.parse(row.doc) as Absence), etag: String(row.version) } : undefined,
    );
  }

  put(absence: Absence): Promise<WriteResult<Absence>> {
    const { etag, ...doc } = absence;
    const json = JSON.stringify(doc);
    const { changes } =
      etag === undefined
        ? this.insert.run(absence.key, json)
        : this.replace.run(json, absence.key, Number(etag));
    if (changes !== 1) return Promise.resolve({ ok: false, reason: 'conflict' });
    const version = etag === undefined ? 1 : Number(etag) + 1;
    return Promise.resolve({ ok: true, value: { ...absence, etag: String(version) } });
  }
}
