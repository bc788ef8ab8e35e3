import type Database from 'better-sqlite3';
import type { AuditEvent, AuditQuery, NewAuditEvent } from '../../audit/audit-event';
import type { AuditRepository } from '../ports';
import { prepared } from './prepared';

/** The audit trail in SQLite: one row per event, numbered by the table's own sequence. */
export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly db: Database.Database) {}

  append(event: NewAuditEvent): Promise<AuditEvent> {
    const { lastInsertRowid } = prepared(
      this.db,
      'INSERT INTO audit_events (id, at, action, actor_key, doc) VALUES (?, ?, ?, ?, ?)',
    ).run(event.id, event.at, event.action, event.actor.key, JSON.stringify(event));
    return Promise.resolve({ ...event, seq: Number(lastInsertRowid) });
  }

  list(query: AuditQuery, limit: number): Promise<AuditEvent[]> {
    const { sql, values } = auditListStatement(query);
    const rows = prepared(this.db, sql).all(...values, limit) as { seq: number; doc: string }[];
    return Promise.resolve(
      rows.map((row) => ({ ...(JSON.parse(row.doc) as NewAuditEvent), seq: row.seq })),
    );
  }
}

/** The query for a page of events; exported so a test can read its plan. */
export function auditListStatement(query: AuditQuery): {
  sql: string;
  values: (string | number)[];
} {
  const where: string[] = [];
  const values: (string | number)[] = [];
  const add = (clause: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    where.push(clause);
    values.push(value);
  };
  add('action = ?', query.action);
  add('actor_key = ?', query.actorKey);
  add('at >= ?', query.from);
  add('at < ?', query.to);
  add('seq < ?', query.beforeSeq);
  return {
    sql: `SELECT seq, doc FROM audit_events${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
          ORDER BY seq DESC LIMIT ?`,
    values,
  };
}
