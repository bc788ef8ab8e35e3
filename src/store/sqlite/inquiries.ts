import { prepared } from './prepared';
import type Database from 'better-sqlite3';
import {
  formatInquiryNumber,
  type DeliveryFailure,
  type Inquiry,
  type InquiryStatus,
  type Level,
  type NewInquiry,
} from '../../inquiries/inquiry';
import type { QueueItem } from '../../inquiries/queue-item';
import { inHandlersQueue } from '../../inquiries/statuses';
import { finishedAt } from '../../privacy/finished-at';
import { isRedacted } from '../../privacy/redact';
import { namesPerson } from '../../privacy/involves';
import type { NotificationIntent } from '../../notifications/intents';
import {
  withCardPlaced,
  withDeliveryFailure,
  type CardPlacement,
} from '../../inquiries/posted-cards';
import { searchTextOf } from '../../inquiries/search-text';
import type {
  AskerMessageKeys,
  InquiryRepository,
  InquirySearch,
  QueueQuery,
  WriteResult,
} from '../ports';
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
 * The conditions that keep a query to the units, work areas and topics of a handler's scope, with
 * their values and the first of them (`unit`, `work_area`, `topic`: the index to read by);
 * undefined when an empty filter lets nothing through.
 */
function scopeConditions(
  scope: QueueQuery,
): { conditions: string[]; values: string[]; first?: string } | undefined {
  const filters = [
    ['unit', scope.unitIds],
    ['work_area', scope.workAreaIds],
    ['topic', scope.topicIds],
  ] as const;
  const conditions: string[] = [];
  const values: string[] = [];
  let first: string | undefined;
  for (const [column, ids] of filters) {
    if (!ids) continue;
    if (ids.length === 0) return undefined;
    first ??= column;
    conditions.push(`${column}_id IN (${ids.map(() => '?').join(', ')})`);
    values.push(...ids);
  }
  return { conditions, values, ...(first ? { first } : {}) };
}

/**
 * The columns a queue item is read from, read as arrays in this order (`QueueItemRow`): for the
 * 2,000 rows of a large queue, arrays cost about half the time of named rows. The queue's indexes
 * hold them all, so the table itself is not read.
 */
export const queueItemColumns = 'id, status, level, assignee_key, unit_id, topic_id, created_at';

type QueueItemRow = [
  id: string,
  status: InquiryStatus,
  level: Level,
  assigneeKey: string | null,
  unitId: string,
  topicId: string,
  createdAt: string,
];

function toQueueItem(row: QueueItemRow): QueueItem {
  const [id, status, level, assigneeKey, unitId, topicId, createdAt] = row;
  const item: QueueItem = { id, status, level, unitId, topicId, createdAt };
  if (assigneeKey !== null) item.assigneeKey = assigneeKey;
  return item;
}

/**
 * The queue's query of these columns and its values (the limit is the last parameter); undefined
 * when an empty filter lets nothing through.
 */
export function queueStatement(
  query: QueueQuery,
  columns = 'doc, version',
): { sql: string; values: string[] } | undefined {
  const scope = scopeConditions(query);
  if (!scope) return undefined;
  const { conditions, values } = scope;
  const index = scope.first ? `inquiries_queue_by_${scope.first}` : 'inquiries_queue';
  // Named, because the search's indexes on the same columns cover closed inquiries too: the
  // planner would otherwise read those and filter out every closed one.
  return {
    sql: `SELECT ${columns} FROM inquiries INDEXED BY ${index}
          WHERE ${[queueStatuses, ...conditions].join(' AND ')} ORDER BY created_at LIMIT ?`,
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

/**
 * A search's query and its values (the limit is the last parameter); undefined when an empty
 * filter lets nothing through or there are no words. The scope's columns pick the rows through
 * their (column, created_at) index, newest first; each word is a LIKE on the stored search text,
 * so the scan stops as soon as `limit` inquiries match.
 */
export function searchStatement(
  search: InquirySearch,
): { sql: string; values: string[] } | undefined {
  if (search.words.length === 0) return undefined;
  const { scope } = search;
  const selected =
    'registeredBy' in scope
      ? { conditions: ['registered_by = ?'], values: [scope.registeredBy] }
      : scopeConditions(scope);
  if (!selected) return undefined;
  const { conditions, values } = selected;
  for (const word of search.words) {
    conditions.push('search_text LIKE ?');
    values.push(`%${word}%`);
  }
  return {
    sql: `SELECT doc, version FROM inquiries WHERE ${conditions.join(' AND ')}
          ORDER BY created_at DESC LIMIT ?`,
    values,
  };
}

/**
 * The columns the queue's, the board's, the search's and the retention run's indexes are on, and
 * those the queue's items are read from.
 */
function placeOf(inquiry: Inquiry): {
  level: Level;
  assigneeKey: string | null;
  unitId: string;
  workAreaId: string;
  topicId: string;
  updatedAt: string;
  finishedAt: string | null;
  searchText: string;
  registeredBy: string | null;
} {
  return {
    level: inquiry.level,
    assigneeKey: inquiry.assignee?.key ?? null,
    unitId: inquiry.unitId,
    workAreaId: inquiry.workAreaId,
    topicId: inquiry.topicId,
    updatedAt: inquiry.updatedAt,
    finishedAt: isRedacted(inquiry) ? null : (finishedAt(inquiry) ?? null),
    searchText: searchTextOf(inquiry),
    registeredBy: inquiry.intake?.by.key ?? null,
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
           level, assignee_key, unit_id, work_area_id, topic_id, updated_at, finished_at,
           search_text, registered_by, version, doc)
         VALUES (@id, @number, @requestKey, @askerKey, @status, @dueAt, @createdAt,
           @level, @assigneeKey, @unitId, @workAreaId, @topicId, @updatedAt, @finishedAt,
           @searchText, @registeredBy, 1, @doc)`,
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

  recordDeliveryFailure(id: string, failure: DeliveryFailure): Promise<WriteResult<Inquiry>> {
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

  handlersQueueItems(query: QueueQuery, limit: number): Promise<QueueItem[]> {
    const statement = queueStatement(query, queueItemColumns);
    if (!statement) return Promise.resolve([]);
    const rows = prepared(this.db, statement.sql)
      .raw(true)
      .all(...statement.values, limit) as QueueItemRow[];
    return Promise.resolve(rows.map(toQueueItem));
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

  finishedBefore(cutoff: Date, limit: number): Promise<Inquiry[]> {
    const rows = prepared(
      this.db,
      `SELECT doc, version FROM inquiries WHERE finished_at IS NOT NULL AND finished_at <= ?
         ORDER BY finished_at LIMIT ?`,
    ).all(cutoff.toISOString(), limit) as Row[];
    return Promise.resolve(rows.map(fromRow));
  }

  scrub(inquiry: Inquiry): Promise<WriteResult<Inquiry>> {
    return Promise.resolve(this.db.transaction(() => this.write(inquiry)).immediate());
  }

  involving(personKeys: readonly string[]): Promise<Inquiry[]> {
    if (personKeys.length === 0) return Promise.resolve([]);
    // Person keys are written in the document as JSON strings; a match is checked again below.
    const rows = prepared(
      this.db,
      `SELECT doc, version FROM inquiries WHERE ${personKeys.map(() => 'instr(doc, ?) > 0').join(' OR ')}
         ORDER BY created_at`,
    ).all(...personKeys.map((key) => JSON.stringify(key))) as Row[];
    return Promise.resolve(rows.map(fromRow).filter((inquiry) => namesPerson(inquiry, personKeys)));
  }

  search(search: InquirySearch, limit: number): Promise<Inquiry[]> {
    const statement = searchStatement(search);
    if (!statement) return Promise.resolve([]);
    const rows = prepared(this.db, statement.sql).all(...statement.values, limit) as Row[];
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
      `UPDATE inquiries SET status = @status, due_at = @dueAt, level = @level,
         assignee_key = @assigneeKey, unit_id = @unitId,
         work_area_id = @workAreaId, topic_id = @topicId, updated_at = @updatedAt,
         finished_at = @finishedAt, asker_key = @askerKey, search_text = @searchText, registered_by = @registeredBy, version = version + 1, doc = @doc
       WHERE id = @id AND version = @version`,
    ).run({
      id: inquiry.id,
      askerKey: inquiry.asker.key,
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
