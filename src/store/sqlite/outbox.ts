import { prepared } from './prepared';
import type Database from 'better-sqlite3';
import type { NotificationIntent, OutboxItem } from '../../notifications/intents';
import type { OutboxRepository } from '../ports';

interface Row {
  id: number;
  intent: string;
  attempts: number;
  due_at: string;
  created_at: string;
  last_error: string | null;
}

export class SqliteOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Database.Database) {}

  /** Queues intents inside the caller's transaction. */
  enqueueNow(intents: NotificationIntent[], at: string): void {
    const insert = prepared(
      this.db,
      'INSERT INTO outbox (intent, due_at, created_at) VALUES (?, ?, ?)',
    );
    for (const intent of intents) insert.run(JSON.stringify(intent), at, at);
  }

  enqueue(intents: NotificationIntent[], dueAt: Date): Promise<void> {
    this.db.transaction(() => this.enqueueNow(intents, dueAt.toISOString()))();
    return Promise.resolve();
  }

  lease(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<OutboxItem[]> {
    const at = now.toISOString();
    const lease = this.db.transaction(() => {
      const rows = prepared(
        this.db,
        `SELECT id, intent, attempts, due_at, created_at, last_error FROM outbox
           WHERE state = 'pending' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
           ORDER BY due_at, id LIMIT ?`,
      ).all(at, at, limit) as Row[];
      const take = prepared(
        this.db,
        `UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
         WHERE id = ? AND state = 'pending' AND (lease_until IS NULL OR lease_until <= ?)`,
      );
      return rows.filter(
        (row) => take.run(owner, leaseUntil.toISOString(), row.id, at).changes === 1,
      );
    });
    return Promise.resolve(
      lease.immediate().map((row) => ({
        id: row.id,
        intent: JSON.parse(row.intent) as NotificationIntent,
        attempts: row.attempts + 1,
        dueAt: row.due_at,
        createdAt: row.created_at,
        ...(row.last_error ? { lastError: row.last_error } : {}),
      })),
    );
  }

  complete(id: number, owner: string, at: Date): Promise<void> {
    this.finish(id, owner, 'sent', at, null);
    return Promise.resolve();
  }

  fail(id: number, owner: string, at: Date, error: string): Promise<void> {
    this.finish(id, owner, 'failed', at, error);
    return Promise.resolve();
  }

  retry(id: number, owner: string, retryAt: Date, error: string): Promise<void> {
    prepared(
      this.db,
      `UPDATE outbox SET due_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND lease_owner = ?`,
    ).run(retryAt.toISOString(), error, id, owner);
    return Promise.resolve();
  }

  renew(ids: number[], owner: string, leaseUntil: Date): Promise<void> {
    const extend = this.db.prepare(
      `UPDATE outbox SET lease_until = ? WHERE id = ? AND state = 'pending' AND lease_owner = ?`,
    );
    const until = leaseUntil.toISOString();
    this.db.transaction(() => ids.forEach((id) => extend.run(until, id, owner)))();
    return Promise.resolve();
  }

  oldestPending(): Promise<Date | undefined> {
    const row = this.db
      .prepare(`SELECT min(created_at) AS at FROM outbox WHERE state = 'pending'`)
      .get() as { at: string | null };
    return Promise.resolve(row.at ? new Date(row.at) : undefined);
  }

  pendingCount(): Promise<number> {
    const row = prepared(
      this.db,
      `SELECT count(*) AS n FROM outbox WHERE state = 'pending'`,
    ).get() as {
      n: number;
    };
    return Promise.resolve(row.n);
  }

  removeFinishedBefore(cutoff: Date, limit: number): Promise<number> {
    const { changes } = prepared(
      this.db,
      `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
         WHERE done_at IS NOT NULL AND done_at <= ? AND state != 'pending' ORDER BY done_at LIMIT ?)`,
    ).run(cutoff.toISOString(), limit);
    return Promise.resolve(changes);
  }

  removeFinishedAbout(
    inquiryIds: readonly string[],
    personKeys: readonly string[],
  ): Promise<number> {
    const byInquiry = prepared(
      this.db,
      `DELETE FROM outbox WHERE state != 'pending' AND json_extract(intent, '$.inquiryId') = ?`,
    );
    const byRecipient = prepared(
      this.db,
      `DELETE FROM outbox WHERE state != 'pending' AND json_extract(intent, '$.recipientKey') = ?`,
    );
    let removed = 0;
    this.db.transaction(() => {
      for (const id of inquiryIds) removed += byInquiry.run(id).changes;
      for (const key of personKeys) removed += byRecipient.run(key).changes;
    })();
    return Promise.resolve(removed);
  }

  private finish(id: number, owner: string, state: string, at: Date, error: string | null): void {
    prepared(
      this.db,
      `UPDATE outbox SET state = ?, done_at = ?, last_error = coalesce(?, last_error),
         lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?`,
    ).run(state, at.toISOString(), error, id, owner);
  }
}
