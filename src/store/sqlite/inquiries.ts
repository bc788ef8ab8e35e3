import { prepared } from './prepared';
import type Database from 'better-sqlite3';
import { formatInquiryNumber, type Inquiry, type NewInquiry } from '../../inquiries/inquiry';
import { inHandlersQueue } from '../../inquiries/statuses';
import type { NotificationIntent } from '../../notifications/intents';
import {
  withCardPlaced,
  withDeliveryFailure,
  type CardPlacement,
} from '../../inquiries/posted-cards';
import type { AskerMessageKeys, InquiryRepository, QueueQuery, WriteResult } from '../ports';
import type { SqliteOutboxRepository } from './outbox';

interface Row {
  doc: string;
  version: number;
}

function fromRow(row: Row): Inquiry {
  return { ...(JSON.parse(row.doc) as Inquiry), etag: String(row.version) };
}

/**
 * The queue's status condition, written as the partial indexes of the schema write it (they list
 * the same statuses), so that SQLite uses them.
 */
const queueStatuses = `status IN (${inHandlersQueue.map((status) => `'${status}'`).join(', ')})`;

/**
 * The queue's query and its values (the limit is the last parameter); undefined when an empty
 * filter lets nothing through.
 */
export function queueStatement(query: QueueQuery): { sql: string; values: string[] } | undefined {
  const filters = [
    ['unit_id', query.unitIds],
    ['work_area_id', query.workAreaIds],
    ['topic_id', query.topicIds],
  ] as const;
  const values: string[] = [];
  const conditions: string[] = [];
  for (const [column, ids] of filters) {
    if (!ids) continue;
    if (ids.length === 0) return undefined;
    conditions.push(`AND ${column} IN (${ids.map(() => '?').join(', ')})`);
    values.push(...ids);
  }
  return {
    sql: `SELECT doc, version FROM inquiries WHERE ${queueStatuses} ${conditions.join(' ')}
          ORDER BY created_at LIMIT ?`,
    values,
  };
}

/** The board's query: `count` work areas, then the instant, then the limit. */
export function writtenSinceSql(count: number): string {
  return `SELECT doc, version FROM inquiries
            WHERE work_area_id IN (${Array.from({ length: count }, () => '?').join(', ')})
              AND updated_at >= ?
            ORDER BY updated_at DESC LIMIT ?`;
}

/** The columns the queue's indexes are on. */
function placeOf(inquiry: Inquiry): {
  unitId: string;
  workAreaId: string;
  topicId: string;
  updatedAt: string;
} {
  return {
    unitId: inquiry.unitId,
    workAreaId: inquiry.workAreaId,
    topicId: inquiry.topicId,
    updatedAt: inquiry.updatedAt,
  };
}

function toDoc(inquiry: Inquiry): string {
  const { etag: _etag, ...doc } = inquiry;
  return JSON.stringify(doc);
}

export class SqliteInquiryRepository implements InquiryRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: SqliteOutboxRepository,
  ) {}

  create(
    draft: NewInquiry,
    notifications: NotificationIntent[],
  ): Promise<{ inquiry: Inquiry; created: boolean }> {
    const create = this.db.transaction(() => {
      const existing = prepared(
        this.db,
        'SELECT doc, version FROM inquiries WHERE request_key = ?',
      ).get(draft.requestKey) as Row | undefined;
      if (existing) return { inquiry: fromRow(existing), created: false };
      const year = new Date(draft.createdAt).getUTCFullYear();
      const { value } = prepared(
        this.db,
        `INSERT INTO counters (name, value) VALUES (?, 1)
           ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
      ).get(`inquiry-number-${year}`) as { value: number };
      const inquiry: Inquiry = { ...draft, number: formatInquiryNumber(year, value) };
      prepared(
        this.db,
        `INSERT INTO inquiries (id, number, request_key, asker_key, status, due_at, created_at,
           unit_id, work_area_id, topic_id, updated_at, version, doc)
         VALUES (@id, @number, @requestKey, @askerKey, @status, @dueAt, @createdAt,
           @unitId, @workAreaId, @topicId, @updatedAt, 1, @doc)`,
      ).run({
        id: inquiry.id,
        number: inquiry.number,
        requestKey: inquiry.requestKey,
        askerKey: inquiry.asker.key,
        status: inquiry.status,
        dueAt: inquiry.dueAt ?? null,
        createdAt: inquiry.createdAt,
        ...placeOf(inquiry),
        doc: toDoc(inquiry),
      });
      this.outbox.enqueueNow(notifications, inquiry.createdAt);
      return { inquiry: { ...inquiry, etag: '1' }, created: true };
    });
    return Promise.resolve(create.immediate());
  }

  get(id: string): Promise<Inquiry | undefined> {
    return Promise.resolve(this.read('SELECT doc, version FROM inquiries WHERE id = ?', id));
  }

  byNumber(number: string): Promise<Inquiry | undefined> {
    return Promise.resolve(
      this.read('SELECT doc, version FROM inquiries WHERE number = ?', number.toUpperCase()),
    );
  }

  update(inquiry: Inquiry, notifications: NotificationIntent[]): Promise<WriteResult<Inquiry>> {
    const update = this.db.transaction((): WriteResult<Inquiry> => {
      const result = this.write(inquiry);
      if (result.ok) this.outbox.enqueueNow(notifications, inquiry.updatedAt);
      return result;
    });
    return Promise.resolve(update.immediate());
  }

  recordCard(
    id: string,
    placement: CardPlacement,
    event?: Inquiry['history'][number],
  ): Promise<WriteResult<Inquiry>> {
    return this.amend(id, (inquiry) => withCardPlaced(inquiry, placement, event));
  }

  recordDeliveryFailure(
    id: string,
    failure: { at: string; note: string },
  ): Promise<WriteResult<Inquiry>> {
    return this.amend(id, (inquiry) => withDeliveryFailure(inquiry, failure));
  }

  /** Changes what the bot records beside an inquiry's state, on the version it reads. */
  private amend(id: string, change: (current: Inquiry) => Inquiry): Promise<WriteResult<Inquiry>> {
    const amend = this.db.transaction((): WriteResult<Inquiry> => {
      const current = this.read('SELECT doc, version FROM inquiries WHERE id = ?', id);
      if (!current) return { ok: false, reason: 'not_found' };
      return this.write(change(current));
    });
    return Promise.resolve(amend.immediate());
  }

  listByAsker(askerKey: string, limit: number): Promise<Inquiry[]> {
    const rows = prepared(
      this.db,
      'SELECT doc, version FROM inquiries WHERE asker_key = ? ORDER BY created_at DESC LIMIT ?',
    ).all(askerKey, limit) as Row[];
    return Promise.resolve(rows.map(fromRow));
  }

  meantByAskerMessage(askerKey: string, message: AskerMessageKeys): Promise<Inquiry[]> {
    const rows = prepared(
      this.db,
      `SELECT doc, version FROM inquiries WHERE asker_key = @askerKey AND (
         status = 'waiting_for_asker'
         OR number = @quotedNumber
         OR json_extract(doc, '$.teams.askerStatus.activityId') = @quotedActivityId
         OR EXISTS (SELECT 1 FROM json_each(doc, '$.history') AS event
                      WHERE json_extract(event.value, '$.requestKey') = @requestKey)
       ) ORDER BY created_at DESC`,
    ).all({
      askerKey,
      requestKey: message.requestKey,
      quotedActivityId: message.quotedActivityId ?? null,
      quotedNumber: message.quotedNumber?.toUpperCase() ?? null,
    }) as Row[];
    return Promise.resolve(rows.map(fromRow));
  }

  due(now: Date, limit: number): Promise<Inquiry[]> {
    const rows = prepared(
      this.db,
      `SELECT doc, version FROM inquiries WHERE due_at IS NOT NULL AND due_at <= ?
         ORDER BY due_at LIMIT ?`,
    ).all(now.toISOString(), limit) as Row[];
    return Promise.resolve(rows.map(fromRow));
  }

  handlersQueue(query: QueueQuery, limit: number): Promise<Inquiry[]> {
    const statement = queueStatement(query);
    if (!statement) return Promise.resolve([]);
    const rows = prepared(this.db, statement.sql).all(...statement.values, limit) as Row[];
    return Promise.resolve(rows.map(fromRow));
  }

  writtenSince(workAreaIds: readonly string[], since: Date, limit: number): Promise<Inquiry[]> {
    if (workAreaIds.length === 0) return Promise.resolve([]);
    const rows = prepared(this.db, writtenSinceSql(workAreaIds.length)).all(
      ...workAreaIds,
      since.toISOString(),
      limit,
    ) as Row[];
    return Promise.resolve(rows.map(fromRow));
  }

  private read(sql: string, value: string): Inquiry | undefined {
    const row = prepared(this.db, sql).get(value) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  private write(inquiry: Inquiry): WriteResult<Inquiry> {
    const version = Number(inquiry.etag);
    const { changes } = prepared(
      this.db,
      `UPDATE inquiries SET status = @status, due_at = @dueAt, unit_id = @unitId,
         work_area_id = @workAreaId, topic_id = @topicId, updated_at = @updatedAt,
         version = version + 1, doc = @doc
       WHERE id = @id AND version = @version`,
    ).run({
      id: inquiry.id,
      status: inquiry.status,
      dueAt: inquiry.dueAt ?? null,
      ...placeOf(inquiry),
      doc: toDoc(inquiry),
      version,
    });
    if (changes === 1) return { ok: true, value: { ...inquiry, etag: String(version + 1) } };
    const exists = prepared(this.db, 'SELECT 1 FROM inquiries WHERE id = ?').get(inquiry.id);
    return { ok: false, reason: exists ? 'conflict' : 'not_found' };
  }
}
