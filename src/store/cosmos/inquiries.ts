import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Logger } from '../../logger';
import { formatInquiryNumber, type Inquiry, type NewInquiry } from '../../inquiries/inquiry';
import type { NotificationIntent } from '../../notifications/intents';
import {
  withCardPlaced,
  withDeliveryFailure,
  type CardPlacement,
} from '../../inquiries/posted-cards';
import { inHandlersQueue } from '../../inquiries/statuses';
import { finishedAt } from '../../privacy/finished-at';
import { namesPerson } from '../../privacy/involves';
import { isRedacted } from '../../privacy/redact';
import { searchTextOf } from '../../inquiries/search-text';
import type {
  AskerMessageKeys,
  InquiryRepository,
  InquirySearch,
  QueueQuery,
  WriteResult,
} from '../ports';
import type { Counters } from './counters';
import { attempt, createOnce, queryPages, readDoc, replaceIf, type Stored } from './documents';
import { docId } from './ids';
import { notificationNumber, type CosmosOutboxRepository, type QueuedNotification } from './outbox';

/**
 * An inquiry as stored: the domain object under `inquiry`, and beside it the few fields queries
 * use (the only indexed ones) and the notifications of its last writes that are not yet in the
 * outbox. Partition key: the inquiry id.
 */
interface InquiryDoc {
  id: string;
  pk: string;
  type: 'inquiry';
  /** Copied from the inquiry for the scheduler's range query. */
  dueAt?: string;
  /** Copied from the inquiry for the handlers' queue. */
  status?: Inquiry['status'];
  unitId?: string;
  workAreaId?: string;
  topicId?: string;
  createdAt?: string;
  /** Copied from the inquiry for the work area's board. */
  updatedAt?: string;
  /** When a finished inquiry finished, until it is redacted: the retention run's range query. */
  finishedAt?: string;
  /** What a search by words matches (see `searchTextOf`); not indexed, read within the scope. */
  searchText?: string;
  /** Who at the helpdesk registered it, for their search. */
  registeredBy?: string;
  /** Copied from the inquiry to find what a message from its asker is about. */
  askerKey?: string;
  number?: string;
  /** The request keys its history holds. */
  requestKeys?: string[];
  askerStatusActivityId?: string;
  /** Set while `pending` is not empty, for the sweep that finishes an interrupted move. */
  pendingSince?: string;
  pending: QueuedNotification[];
  /** How many notifications this inquiry has ever queued: the next one's key. */
  queued: number;
  /** Changes with every write of the inquiry itself (not with moving its notifications). */
  writeId: string;
  inquiry: Omit<Inquiry, 'etag'>;
}

/** Points a key (request key, readable number) at an inquiry id. */
interface LookupDoc {
  id: string;
  pk: string;
  type: 'request' | 'number';
  inquiryId: string;
}

/** One inquiry in its asker's partition, for "my inquiries" without a cross-partition query. */
interface AskerEntryDoc {
  id: string;
  pk: string;
  type: 'asker-entry';
  inquiryId: string;
  createdAt: string;
}

export function askerPartition(askerKey: string): string {
  return docId('asker', askerKey);
}

/**
 * The inquiry's etag is the id of the write that made its version: moving its notifications into
 * the outbox rewrites the document without changing the inquiry, so it leaves that etag as it was.
 */
function toInquiry(doc: Stored<InquiryDoc>): Inquiry {
  return { ...doc.inquiry, etag: doc.writeId };
}

/**
 * Inquiries in Cosmos DB. A change and its notifications are one write: the notifications ride on
 * the inquiry document (`pending`) and are then moved into the outbox under numbers derived from
 * the inquiry, so a repeated move finds them there. A crash between the write and the move leaves
 * them on the document, where the outbox's sweep finds them.
 */
export class CosmosInquiryRepository implements InquiryRepository {
  private readonly moving = new Set<Promise<void>>();

  constructor(
    private readonly container: Container,
    private readonly counters: Counters,
    private readonly outbox: CosmosOutboxRepository,
    private readonly pageSize: number,
    private readonly logger: Logger,
  ) {}

  async create(
    draft: NewInquiry,
    notifications: NotificationIntent[],
  ): Promise<{ inquiry: Inquiry; created: boolean }> {
    // The request key is claimed first; a repeat (or a concurrent twin) finds the id it reserved.
    const requestId = docId('request', draft.requestKey);
    let id = draft.id;
    const reserved = await createOnce<LookupDoc>(this.container, {
      id: requestId,
      pk: requestId,
      type: 'request',
      inquiryId: id,
    });
    if (!reserved) {
      const lookup = await readDoc<LookupDoc>(this.container, requestId, requestId);
      if (lookup) id = lookup.inquiryId;
      const existing = await this.readDoc(id);
      if (existing) {
        this.moveSoon(existing);
        return { inquiry: toInquiry(existing), created: false };
      }
      // The first attempt stopped before storing the inquiry: finish it under the id it reserved.
    }

    const year = new Date(draft.createdAt).getUTCFullYear();
    const number = formatInquiryNumber(year, await this.counters.next(`inquiry-number-${year}`));
    const inquiry: Omit<Inquiry, 'etag'> = { ...draft, id, number };
    // Lookups first: until the inquiry itself exists they point at nothing and are ignored.
    const numberId = docId('number', number);
    await createOnce<LookupDoc>(this.container, {
      id: numberId,
      pk: numberId,
      type: 'number',
      inquiryId: id,
    });
    const askerPk = askerPartition(inquiry.asker.key);
    await createOnce<AskerEntryDoc>(this.container, {
      id: docId('asker-entry', id),
      pk: askerPk,
      type: 'asker-entry',
      inquiryId: id,
      createdAt: inquiry.createdAt,
    });

    // A try cut short after reserving the key stored nothing else: this one's draft, with its own
    // fresh id, is stored under the reserved id, and its notifications must name that one.
    const intents = notifications.map((intent) =>
      'inquiryId' in intent && intent.inquiryId === draft.id
        ? { ...intent, inquiryId: id }
        : intent,
    );
    const pending = this.queue(number, 0, intents, inquiry.createdAt);
    const doc: InquiryDoc = {
      id,
      pk: id,
      type: 'inquiry',
      ...(inquiry.dueAt ? { dueAt: inquiry.dueAt } : {}),
      ...queueFields(inquiry),
      ...(pending.length ? { pendingSince: inquiry.createdAt } : {}),
      pending,
      queued: pending.length,
      writeId: randomUUID(),
      inquiry,
    };
    const created = await attempt(`create of inquiry ${id}`, () =>
      this.container.items.create(doc),
    );
    if (!created.ok) {
      // A concurrent twin of this request stored it first; this attempt's number stays unused.
      const winner = created.status === 409 ? await this.readDoc(id) : undefined;
      if (!winner) throw new Error(`Inquiry ${id} could not be created (${created.status})`);
      return { inquiry: toInquiry(winner), created: false };
    }
    const stored = created.value.resource;
    if (!stored) throw new Error(`Inquiry ${id} was created but not returned`);
    this.moveSoon(stored);
    return { inquiry: toInquiry(stored), created: true };
  }

  async get(id: string): Promise<Inquiry | undefined> {
    const doc = await this.readDoc(id);
    return doc ? toInquiry(doc) : undefined;
  }

  async byNumber(number: string): Promise<Inquiry | undefined> {
    const normalised = number.toUpperCase();
    const lookupId = docId('number', normalised);
    const lookup = await readDoc<LookupDoc>(this.container, lookupId, lookupId);
    if (!lookup) return undefined;
    const inquiry = await this.get(lookup.inquiryId);
    // A number whose creation lost to a concurrent twin points at an inquiry with another number.
    return inquiry?.number === normalised ? inquiry : undefined;
  }

  async update(
    inquiry: Inquiry,
    notifications: NotificationIntent[],
  ): Promise<WriteResult<Inquiry>> {
    const current = await this.readDoc(inquiry.id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (inquiry.etag === undefined || current.writeId !== inquiry.etag)
      return { ok: false, reason: 'conflict' };
    const written = await this.write(current, stripEtag(inquiry), notifications);
    if (!written.ok) return written;
    this.moveSoon(written.value);
    return { ok: true, value: toInquiry(written.value) };
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

  /**
   * Changes what the bot records beside an inquiry's state: read, change, write if unchanged
   * since, and again on a conflict.
   */
  private async amend(
    id: string,
    change: (inquiry: Inquiry) => Inquiry,
  ): Promise<WriteResult<Inquiry>> {
    for (let round = 0; round < 10; round++) {
      const current = await this.readDoc(id);
      if (!current) return { ok: false, reason: 'not_found' };
      const written = await this.write(current, change(current.inquiry), []);
      if (written.ok) return { ok: true, value: toInquiry(written.value) };
      if (written.reason === 'not_found') return written;
    }
    return { ok: false, reason: 'conflict' };
  }

  async listByAsker(askerKey: string, limit: number): Promise<Inquiry[]> {
    const pk = askerPartition(askerKey);
    const found: Inquiry[] = [];
    await queryPages<{ inquiryId: string }>(
      this.container,
      "query of an asker's inquiries",
      {
        query: `SELECT c.inquiryId FROM c WHERE c.pk = @pk AND c.type = 'asker-entry'
                ORDER BY c.createdAt DESC`,
        parameters: [{ name: '@pk', value: pk }],
      },
      { partitionKey: pk, pageSize: Math.min(limit, this.pageSize) },
      async (page) => {
        const inquiries = await Promise.all(page.map((entry) => this.get(entry.inquiryId)));
        for (const inquiry of inquiries) if (inquiry && found.length < limit) found.push(inquiry);
        return found.length < limit;
      },
    );
    return found;
  }

  async meantByAskerMessage(askerKey: string, message: AskerMessageKeys): Promise<Inquiry[]> {
    const parameters = [
      { name: '@askerKey', value: askerKey },
      { name: '@requestKey', value: message.requestKey },
    ];
    const quoted: string[] = [];
    if (message.quotedActivityId !== undefined) {
      parameters.push({ name: '@activityId', value: message.quotedActivityId });
      quoted.push('OR c.askerStatusActivityId = @activityId');
    }
    if (message.quotedNumber !== undefined) {
      parameters.push({ name: '@number', value: message.quotedNumber.toUpperCase() });
      quoted.push('OR c.number = @number');
    }
    const found: Inquiry[] = [];
    await queryPages<Stored<InquiryDoc>>(
      this.container,
      "query of the inquiries an asker's message may be about",
      {
        query: `SELECT * FROM c WHERE c.type = 'inquiry' AND c.askerKey = @askerKey
                AND (c.status = 'waiting_for_asker' OR ARRAY_CONTAINS(c.requestKeys, @requestKey)
                ${quoted.join(' ')})`,
        parameters,
      },
      { pageSize: this.pageSize },
      (page) => {
        found.push(...page.map(toInquiry));
        return true;
      },
    );
    // Few, so sorted here: a cross-partition ORDER BY would need an index of its own.
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async due(now: Date, limit: number): Promise<Inquiry[]> {
    return this.firstInquiries(
      'query of due inquiries',
      {
        query: `SELECT * FROM c WHERE c.dueAt <= @now ORDER BY c.dueAt`,
        parameters: [{ name: '@now', value: now.toISOString() }],
      },
      limit,
    );
  }

  async handlersQueue(query: QueueQuery, limit: number): Promise<Inquiry[]> {
    const scope = scopeConditions(query);
    if (!scope) return [];
    const { conditions, parameters } = scope;
    const statuses = inHandlersQueue.map((status) => `'${status}'`).join(', ');
    return this.firstInquiries(
      "query of a handler's queue",
      {
        query: `SELECT * FROM c WHERE c.type = 'inquiry' AND c.status IN (${statuses})
                ${conditions.map((c) => `AND ${c}`).join(' ')} ORDER BY c.createdAt`,
        parameters,
      },
      limit,
    );
  }

  async writtenSince(
    workAreaIds: readonly string[],
    since: Date,
    limit: number,
  ): Promise<Inquiry[]> {
    if (workAreaIds.length === 0) return [];
    const parameters = [
      { name: '@since', value: since.toISOString() },
      ...workAreaIds.map((id, index) => ({ name: `@workAreaId${index}`, value: id })),
    ];
    return this.firstInquiries(
      "query of a work area's inquiries written since",
      {
        query: `SELECT * FROM c WHERE c.type = 'inquiry'
                AND c.workAreaId IN (${workAreaIds.map((_, i) => `@workAreaId${i}`).join(', ')})
                AND c.updatedAt >= @since ORDER BY c.updatedAt DESC`,
        parameters,
      },
      limit,
    );
  }

  async finishedBefore(cutoff: Date, limit: number): Promise<Inquiry[]> {
    return this.firstInquiries(
      'query of finished inquiries past their retention',
      {
        query: `SELECT * FROM c WHERE c.finishedAt <= @cutoff ORDER BY c.finishedAt`,
        parameters: [{ name: '@cutoff', value: cutoff.toISOString() }],
      },
      limit,
    );
  }

  async search(search: InquirySearch, limit: number): Promise<Inquiry[]> {
    if (search.words.length === 0) return [];
    const { scope } = search;
    const selected =
      'registeredBy' in scope
        ? {
            conditions: ['c.registeredBy = @registeredBy'],
            parameters: [{ name: '@registeredBy', value: scope.registeredBy }],
          }
        : scopeConditions(scope);
    if (!selected) return [];
    const { conditions, parameters } = selected;
    search.words.forEach((word, index) => {
      conditions.push(`CONTAINS(c.searchText, @word${index})`);
      parameters.push({ name: `@word${index}`, value: word });
    });
    return this.firstInquiries(
      'search of inquiries by words',
      {
        query: `SELECT * FROM c WHERE c.type = 'inquiry'
                ${conditions.map((c) => `AND ${c}`).join(' ')} ORDER BY c.createdAt DESC`,
        parameters,
      },
      limit,
    );
  }

  /** The first `limit` inquiries a query finds, reading pages only until it has them. */
  private async firstInquiries(
    what: string,
    query: { query: string; parameters: { name: string; value: string }[] },
    limit: number,
  ): Promise<Inquiry[]> {
    const found: Inquiry[] = [];
    await queryPages<Stored<InquiryDoc>>(
      this.container,
      what,
      query,
      { pageSize: Math.min(limit, this.pageSize) },
      (page) => {
        for (const doc of page) if (found.length < limit) found.push(toInquiry(doc));
        return found.length < limit;
      },
    );
    return found;
  }

  async scrub(inquiry: Inquiry): Promise<WriteResult<Inquiry>> {
    const current = await this.readDoc(inquiry.id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (inquiry.etag === undefined || current.writeId !== inquiry.etag)
      return { ok: false, reason: 'conflict' };
    const written = await this.write(current, stripEtag(inquiry), []);
    if (!written.ok) return written;
    const formerAsker = current.inquiry.asker.key;
    if (formerAsker !== inquiry.asker.key) {
      const entryId = docId('asker-entry', inquiry.id);
      await attempt(`delete of asker entry ${entryId}`, () =>
        this.container.item(entryId, askerPartition(formerAsker)).delete(),
      );
    }
    return { ok: true, value: toInquiry(written.value) };
  }

  async involving(personKeys: readonly string[]): Promise<Inquiry[]> {
    if (personKeys.length === 0) return [];
    const found: Inquiry[] = [];
    await queryPages<Stored<InquiryDoc>>(
      this.container,
      'scan of inquiries for one person',
      { query: `SELECT * FROM c WHERE c.type = 'inquiry'`, parameters: [] },
      { pageSize: this.pageSize },
      (page) => {
        for (const doc of page) {
          const inquiry = toInquiry(doc);
          if (namesPerson(inquiry, personKeys)) found.push(inquiry);
        }
        return true;
      },
    );
    return found.sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    );
  }

  /**
   * Copies the fields a message from the asker is found by onto inquiries an earlier version wrote
   * without them and that wait for their asker, who may answer before anything else writes them.
   */
  async copyAskerFields(): Promise<void> {
    const earlier: Stored<InquiryDoc>[] = [];
    await queryPages<Stored<InquiryDoc>>(
      this.container,
      'query of waiting inquiries written by an earlier version',
      {
        query: `SELECT * FROM c WHERE c.type = 'inquiry' AND c.status = 'waiting_for_asker'
                AND NOT IS_DEFINED(c.askerKey)`,
        parameters: [],
      },
      { pageSize: this.pageSize },
      (page) => {
        earlier.push(...page);
        return true;
      },
    );
    // A conflict means another write has just copied them.
    for (const doc of earlier)
      await replaceIf(this.container, { ...doc, ...queueFields(doc.inquiry) }, doc._etag);
  }

  /** Moves notifications that have waited on inquiries since before `olderThan` into the outbox. */
  async moveStranded(olderThan: Date): Promise<void> {
    const stranded: Stored<InquiryDoc>[] = [];
    await queryPages<Stored<InquiryDoc>>(
      this.container,
      'query of notifications not yet in the outbox',
      {
        query: `SELECT * FROM c WHERE c.pendingSince <= @before`,
        parameters: [{ name: '@before', value: olderThan.toISOString() }],
      },
      { pageSize: this.pageSize },
      (page) => {
        stranded.push(...page);
        return true;
      },
    );
    for (const doc of stranded) await this.moveToOutbox(doc);
  }

  private readDoc(id: string): Promise<Stored<InquiryDoc> | undefined> {
    return readDoc<InquiryDoc>(this.container, id, id);
  }

  private queue(
    number: string,
    from: number,
    intents: NotificationIntent[],
    at: string,
  ): QueuedNotification[] {
    return intents.map((intent, index) => ({
      n: notificationNumber(number, from + index),
      intent,
      at,
    }));
  }

  /** Writes a new version of the inquiry over `current`, keeping notifications not yet moved. */
  private async write(
    current: Stored<InquiryDoc>,
    inquiry: Omit<Inquiry, 'etag'>,
    notifications: NotificationIntent[],
  ): Promise<WriteResult<Stored<InquiryDoc>>> {
    const added = this.queue(
      current.inquiry.number,
      current.queued,
      notifications,
      inquiry.updatedAt,
    );
    const pending = [...current.pending, ...added];
    const {
      dueAt: _dueAt,
      pendingSince: _since,
      finishedAt: _finished,
      askerStatusActivityId: _activityId,
      ...kept
    } = current;
    const stored = { ...inquiry, id: current.id, number: current.inquiry.number };
    const next: InquiryDoc = {
      ...kept,
      ...(inquiry.dueAt ? { dueAt: inquiry.dueAt } : {}),
      ...queueFields(stored),
      ...(pending.length ? { pendingSince: current.pendingSince ?? inquiry.updatedAt } : {}),
      pending,
      queued: current.queued + added.length,
      writeId: randomUUID(),
      inquiry: stored,
    };
    const written = await replaceIf(this.container, next, current._etag);
    if (written.ok) return written;
    if (written.status === 404) return { ok: false, reason: 'not_found' };
    // Only a move of notifications into the outbox may have come between: then write over it.
    const fresh = await this.readDoc(current.id);
    if (!fresh) return { ok: false, reason: 'not_found' };
    if (fresh.writeId !== current.writeId || fresh._etag === current._etag)
      return { ok: false, reason: 'conflict' };
    return this.write(fresh, inquiry, notifications);
  }

  /**
   * Moves a written document's notifications into the outbox after the write has answered, so a
   * person's turn does not wait for it; the outbox's `lease` waits for moves under way, and a move
   * cut short by a crash is finished by the sweep.
   */
  private moveSoon(doc: Stored<InquiryDoc>): void {
    if (doc.pending.length === 0) return;
    const move: Promise<void> = this.moveToOutbox(doc).then(
      () => {
        this.moving.delete(move);
      },
      () => {
        this.moving.delete(move);
      },
    );
    this.moving.add(move);
  }

  /** Resolves once every move under way has ended. */
  async movesSettled(): Promise<void> {
    while (this.moving.size > 0) await Promise.allSettled([...this.moving]);
  }

  /**
   * Puts the document's pending notifications into the outbox, then takes them off the document.
   * Safe to repeat and to run concurrently: an item already in the outbox is left as it is.
   * Returns the latest version seen. If it fails midway the sweep finishes the job later.
   */
  private async moveToOutbox(doc: Stored<InquiryDoc>): Promise<Stored<InquiryDoc>> {
    if (doc.pending.length === 0) return doc;
    const moved = new Set<number>();
    try {
      for (const notification of doc.pending) {
        await this.outbox.put(notification);
        moved.add(notification.n);
      }
      let current: Stored<InquiryDoc> | undefined = doc;
      for (let round = 0; round < 10 && current; round++) {
        const rest: QueuedNotification[] = current.pending.filter((p) => !moved.has(p.n));
        if (rest.length === current.pending.length) return current;
        const { pendingSince, ...kept } = current;
        const cleared = await replaceIf(
          this.container,
          { ...kept, pending: rest, ...(rest.length ? { pendingSince } : {}) },
          current._etag,
        );
        if (cleared.ok) return cleared.value;
        current = await this.readDoc(doc.id);
      }
    } catch (error) {
      // The write itself has happened; the notifications wait on the inquiry for the sweep.
      this.logger.warn(
        { inquiry: doc.id, error: error instanceof Error ? error.name : 'unknown' },
        'notifications stay on the inquiry until the outbox sweep moves them',
      );
    }
    return doc;
  }
}

/**
 * The conditions that keep a query to the units, work areas and topics of a handler's scope, with
 * their parameters; undefined when an empty filter lets nothing through.
 */
function scopeConditions(
  scope: QueueQuery,
): { conditions: string[]; parameters: { name: string; value: string }[] } | undefined {
  const parameters: { name: string; value: string }[] = [];
  const conditions: string[] = [];
  const filters = [
    ['unitId', scope.unitIds],
    ['workAreaId', scope.workAreaIds],
    ['topicId', scope.topicIds],
  ] as const;
  for (const [field, ids] of filters) {
    if (!ids) continue;
    if (ids.length === 0) return undefined;
    const names = ids.map((id, index) => {
      const name = `@${field}${index}`;
      parameters.push({ name, value: id });
      return name;
    });
    conditions.push(`c.${field} IN (${names.join(', ')})`);
  }
  return { conditions, parameters };
}

/** The fields queries filter and sort on, copied beside the inquiry. */
function queueFields(inquiry: Omit<Inquiry, 'etag'>) {
  const requestKeys = [
    ...new Set(inquiry.history.flatMap((event) => (event.requestKey ? [event.requestKey] : []))),
  ];
  const activityId = inquiry.teams.askerStatus?.activityId;
  return {
    searchText: searchTextOf(inquiry),
    ...(inquiry.intake ? { registeredBy: inquiry.intake.by.key } : {}),
    askerKey: inquiry.asker.key,
    number: inquiry.number,
    requestKeys,
    ...(activityId ? { askerStatusActivityId: activityId } : {}),
    status: inquiry.status,
    unitId: inquiry.unitId,
    workAreaId: inquiry.workAreaId,
    topicId: inquiry.topicId,
    createdAt: inquiry.createdAt,
    updatedAt: inquiry.updatedAt,
    ...finishing(inquiry),
  };
}

function finishing(inquiry: Omit<Inquiry, 'etag'>): { finishedAt?: string } {
  const at = isRedacted(inquiry) ? undefined : finishedAt(inquiry);
  return at ? { finishedAt: at } : {};
}

function stripEtag(inquiry: Inquiry): Omit<Inquiry, 'etag'> {
  const { etag: _etag, ...rest } = inquiry;
  return rest;
}
