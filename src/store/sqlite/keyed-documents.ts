import type Database from 'better-sqlite3';
import type { WriteResult } from '../ports';
import { prepared } from './prepared';

/** The tables that hold one JSON document per key with a version as its etag. */
type KeyedTable = 'profiles' | 'absences';

/**
 * Documents kept by key with optimistic concurrency: the version is the etag, a write without one
 * creates, a write with one replaces only that version.
 */
export class SqliteKeyedDocuments<T extends { key: string; etag?: string }> {
  constructor(
    private readonly db: Database.Database,
    private readonly table: KeyedTable,
  ) {}

  get(key: string): Promise<T | undefined> {
    const row = prepared(this.db, `SELECT doc, version FROM ${this.table} WHERE key = ?`).get(
      key,
    ) as { doc: string; version: number } | undefined;
    return Promise.resolve(
      row ? { ...(JSON.parse(row.doc) as T), etag: String(row.version) } : undefined,
    );
  }

  remove(key: string): Promise<void> {
    prepared(this.db, `DELETE FROM ${this.table} WHERE key = ?`).run(key);
    return Promise.resolve();
  }

  put(item: T): Promise<WriteResult<T>> {
    const { etag, ...doc } = item;
    const json = JSON.stringify(doc);
    const { changes } =
      etag === undefined
        ? prepared(
            this.db,
            `INSERT INTO ${this.table} (key, version, doc) VALUES (?, 1, ?) ON CONFLICT DO NOTHING`,
          ).run(item.key, json)
        : prepared(
            this.db,
            `UPDATE ${this.table} SET doc = ?, version = version + 1 WHERE key = ? AND version = ?`,
          ).run(json, item.key, Number(etag));
    if (changes !== 1) return Promise.resolve({ ok: false, reason: 'conflict' });
    const version = etag === undefined ? 1 : Number(etag) + 1;
    return Promise.resolve({ ok: true, value: { ...item, etag: String(version) } });
  }
}
