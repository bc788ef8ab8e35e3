import { SqliteKeyedDocuments } from './keyed-documents';
import { prepared } from './prepared';
import type Database from 'better-sqlite3';
import type {
  ConversationRepository,
  Draft,
  DraftRepository,
  DueDraft,
  Profile,
  ProfileRepository,
  StateRepository,
  StoredReference,
  TeamsEndpoint,
  WriteResult,
} from '../ports';

/** Each person's profile (their chat and preferences), by key. */
export class SqliteProfileRepository
  extends SqliteKeyedDocuments<Profile>
  implements ProfileRepository
{
  constructor(db: Database.Database) {
    super(db, 'profiles');
  }
}

export class SqliteDraftRepository implements DraftRepository {
  constructor(private readonly db: Database.Database) {}

  add(draft: Draft): Promise<boolean> {
    const { changes } = prepared(
      this.db,
      `INSERT INTO drafts (id, doc, created_at, follow_up_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
    ).run(draft.id, JSON.stringify(draft), draft.createdAt, draft.followUpAt ?? null);
    return Promise.resolve(changes === 1);
  }

  due(now: Date, limit: number): Promise<DueDraft[]> {
    const rows = prepared(
      this.db,
      `SELECT doc, version FROM drafts WHERE follow_up_at IS NOT NULL AND follow_up_at <= ?
         ORDER BY follow_up_at LIMIT ?`,
    ).all(now.toISOString(), limit) as { doc: string; version: number }[];
    return Promise.resolve(
      rows.map((row) => ({ draft: JSON.parse(row.doc) as Draft, etag: String(row.version) })),
    );
  }

  followUp(
    id: string,
    etag: string,
    next: { followUpAt?: string; reminded: boolean },
  ): Promise<WriteResult<void>> {
    const { changes } = prepared(
      this.db,
      `UPDATE drafts SET follow_up_at = @at, version = version + 1,
         doc = json_set(
           CASE WHEN @at IS NULL THEN json_remove(doc, '$.followUpAt')
                ELSE json_set(doc, '$.followUpAt', @at) END,
           '$.reminded', json(@reminded))
       WHERE id = @id AND version = @version`,
    ).run({
      id,
      at: next.followUpAt ?? null,
      reminded: next.reminded ? 'true' : 'false',
      version: Number(etag),
    });
    return Promise.resolve(this.outcome(id, changes));
  }

  finish(id: string): Promise<void> {
    prepared(
      this.db,
      `UPDATE drafts SET follow_up_at = NULL, version = version + 1,
         doc = json_remove(doc, '$.followUpAt') WHERE id = ? AND follow_up_at IS NOT NULL`,
    ).run(id);
    return Promise.resolve();
  }

  remove(id: string, etag: string): Promise<WriteResult<void>> {
    const { changes } = prepared(this.db, 'DELETE FROM drafts WHERE id = ? AND version = ?').run(
      id,
      Number(etag),
    );
    return Promise.resolve(this.outcome(id, changes));
  }

  private outcome(id: string, changes: number): WriteResult<void> {
    if (changes === 1) return { ok: true, value: undefined };
    const exists = prepared(this.db, 'SELECT 1 FROM drafts WHERE id = ?').get(id);
    return { ok: false, reason: exists ? 'conflict' : 'not_found' };
  }

  get(id: string): Promise<Draft | undefined> {
    const row = prepared(this.db, 'SELECT doc FROM drafts WHERE id = ?').get(id) as
      { doc: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.doc) as Draft) : undefined);
  }

  removeCreatedBefore(cutoff: Date, limit: number): Promise<number> {
    const { changes } = prepared(
      this.db,
      `DELETE FROM drafts WHERE id IN
         (SELECT id FROM drafts WHERE created_at <= ? ORDER BY created_at LIMIT ?)`,
    ).run(cutoff.toISOString(), limit);
    return Promise.resolve(changes);
  }

  byAsker(askerKey: string, limit: number): Promise<Draft[]> {
    const rows = prepared(
      this.db,
      `SELECT doc FROM drafts WHERE json_extract(doc, '$.askerKey') = ? ORDER BY created_at LIMIT ?`,
    ).all(askerKey, limit) as { doc: string }[];
    return Promise.resolve(rows.map((row) => JSON.parse(row.doc) as Draft));
  }

  erase(id: string): Promise<void> {
    prepared(this.db, 'DELETE FROM drafts WHERE id = ?').run(id);
    return Promise.resolve();
  }

  setUnit(id: string, unitId: string): Promise<void> {
    prepared(
      this.db,
      `UPDATE drafts SET doc = json_set(doc, '$.unitId', ?), version = version + 1 WHERE id = ?`,
    ).run(unitId, id);
    return Promise.resolve();
  }
}

export class SqliteConversationRepository implements ConversationRepository {
  constructor(private readonly db: Database.Database) {}

  personal(key: string): Promise<StoredReference | undefined> {
    return Promise.resolve(this.doc(`person:${key}`) as StoredReference | undefined);
  }

  savePersonal(key: string, reference: StoredReference, at: Date): Promise<void> {
    this.save(`person:${key}`, reference, at);
    return Promise.resolve();
  }

  endpoint(tenantId: string): Promise<TeamsEndpoint | undefined> {
    return Promise.resolve(this.doc(`endpoint:${tenantId}`) as TeamsEndpoint | undefined);
  }

  saveEndpoint(endpoint: TeamsEndpoint & { tenantId: string }, at: Date): Promise<void> {
    this.save(`endpoint:${endpoint.tenantId}`, endpoint, at);
    return Promise.resolve();
  }

  teamsUserId(key: string): Promise<string | undefined> {
    const doc = this.doc(`member:${key}`) as { teamsUserId?: string } | undefined;
    return Promise.resolve(doc?.teamsUserId);
  }

  saveTeamsUserId(key: string, teamsUserId: string, at: Date): Promise<void> {
    this.save(`member:${key}`, { teamsUserId }, at);
    return Promise.resolve();
  }

  forgetPerson(key: string): Promise<void> {
    const remove = prepared(this.db, 'DELETE FROM conversations WHERE key = ?');
    this.db.transaction(() => {
      remove.run(`person:${key}`);
      remove.run(`member:${key}`);
    })();
    return Promise.resolve();
  }

  private doc(key: string): unknown {
    const row = prepared(this.db, 'SELECT doc FROM conversations WHERE key = ?').get(key) as
      { doc: string } | undefined;
    return row ? JSON.parse(row.doc) : undefined;
  }

  private save(key: string, value: unknown, at: Date): void {
    prepared(
      this.db,
      `INSERT INTO conversations (key, doc, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at`,
    ).run(key, JSON.stringify(value), at.toISOString());
  }
}

export class SqliteStateRepository implements StateRepository {
  constructor(private readonly db: Database.Database) {}

  read(keys: string[]): Promise<Record<string, { value: unknown; etag: string }>> {
    const select = prepared(this.db, 'SELECT doc, version FROM bot_state WHERE key = ?');
    const found: Record<string, { value: unknown; etag: string }> = {};
    for (const key of keys) {
      const row = select.get(key) as { doc: string; version: number } | undefined;
      if (row) found[key] = { value: JSON.parse(row.doc), etag: String(row.version) };
    }
    return Promise.resolve(found);
  }

  write(changes: Record<string, { value: unknown; etag?: string }>): Promise<WriteResult<void>> {
    const write = this.db.transaction((): WriteResult<void> => {
      for (const [key, { value, etag }] of Object.entries(changes)) {
        const doc = JSON.stringify(value);
        if (etag === undefined || etag === '*') {
          prepared(
            this.db,
            `INSERT INTO bot_state (key, version, doc) VALUES (?, 1, ?)
               ON CONFLICT (key) DO UPDATE SET doc = excluded.doc, version = version + 1`,
          ).run(key, doc);
          continue;
        }
        const { changes: n } = prepared(
          this.db,
          'UPDATE bot_state SET doc = ?, version = version + 1 WHERE key = ? AND version = ?',
        ).run(doc, key, Number(etag));
        if (n !== 1) throw new StateConflict();
      }
      return { ok: true, value: undefined };
    });
    try {
      return Promise.resolve(write.immediate());
    } catch (error) {
      if (error instanceof StateConflict) return Promise.resolve({ ok: false, reason: 'conflict' });
      throw error;
    }
  }

  delete(keys: string[]): Promise<void> {
    const remove = prepared(this.db, 'DELETE FROM bot_state WHERE key = ?');
    this.db.transaction(() => keys.forEach((key) => remove.run(key)))();
    return Promise.resolve();
  }
}

class StateConflict extends Error {}
