import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Logger } from '../../logger';
import {
  formatInquiryNumber,
  type DeliveryFailure,
  type Inquiry,
  type NewInquiry,
} from '../../inquiries/inquiry';
import type { NotificationIntent } from '../../notifications/intents';
import {
  withCardPlaced,
  withDeliveryFailure,
  type CardPlacement,
} from '../../inquiries/posted-cards';
import type { QueueItem } from '../../inquiries/queue-item';
import { inHandlersQueue, isFinished } from '../../inquiries/statuses';
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
import type { NumberBlocks } from './counters';
import {
  attempt,
  createOnce,
  patchContended,
  queryPages,
  readDoc,
  replaceIf,
  type Stored,
} from './documents';
import { statusOf } from './cosmos-errors';
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
  /** Copied from the inquiry for the handlers' queue: what it filters, orders and groups by. */
  status?: Inquiry['status'];
  unitId?: string;
  workAreaId?: string;
  topicId?: string;
  createdAt?: string;
  level?: Inquiry['level'];
  /** The person key of whoever holds it; absent while nobody does. */
  assigneeKey?: string;
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
  /**
   * Set while `pending` is not empty or the lookups are to be made, for the sweep that finishes
   * what an interrupted write left.
   */
  pendingSince?: string;
  /** A new inquiry's number and asker lookups are still to be made. */
  lookupsPending?: boolean;
  pending: QueuedNotification[];
  /** How many notifications this inquiry has ever queued: the next one's key. */
  queued: number;
  /** Changes with every write of the inquiry itself (not with moving its notifications). */
  writeId: string;
  inquiry: Omit<Inquiry, 'etag'>;
}

/** Points a readable number at an inquiry id. */
interface LookupDoc {
  id: string;
  pk: string;
  type: 'number';
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

/** The statuses of a handler's queue, as a query lists them. */
const queueStatuses = inHandlersQueue.map((status) => `'${status}'`).join(', ');

/**
 * The asker's inquiries that may take a reply from them: each listed once it first waits for the
 * asker, until it is finished. What a message from the asker is about is then one point read of
 * this, and of each inquiry it lists, instead of a query across every inquiry's partition.
 */
interface AskerRepliesDoc {
  id: string;
  pk: string;
  type: 'asker-replies';
  /** Inquiry id → when it was listed. */
  inquiries: Record<string, string>;
}

function askerRepliesId(askerKey: string): string {
  return docId('asker-replies', askerKey);
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
    private readonly numbers: NumberBlocks,
    private readonly outbox: CosmosOutboxRepository,
    private readonly pageSize: number,
    private readonly logger: Logger,
  ) {}

  async create(
    draft: NewInquiry,
    notifications: NotificationIntent[],
  ): Promise<{ inquiry: Inquiry; created: boolean }> {
    // The id follows from the request key (`inquiryIdFor`), so a repeat (or a concurrent twin)
    // meets the first one's document and stores nothing twice; its number is then a gap.
    const { id } = draft;
    const year = new Date(draft.createdAt).getUTCFullYear();
    const number = formatInquiryNumber(year, await this.numbers.next(`inquiry-number-${year}`));
    const inquiry: Omit<Inquiry, 'etag'> = { ...draft, id, number };
    const pending = this.queue(number, 0, notifications, inquiry.createdAt);
    const doc: InquiryDoc = {
      id,
      pk: id,
      type: 'inquiry',
      ...(inquiry.dueAt ? { dueAt: inquiry.dueAt } : {}),
      ...queueFields(inquiry),
      // The number and asker lookups are made after the write, as its notifications are moved.
      pendingSince: inquiry.createdAt,
      lookupsPending: true,
      pending,
      queued: pending.length,
      writeId: randomUUID(),
      inquiry,
    };
    const created = await attempt(`create of inquiry ${id}`, () =>
      this.container.items.create(doc),
    );
    if (!created.ok) {
      const first = created.status === 409 ? await this.readDoc(id) : undefined;
      if (!first) throw new Error(`Inquiry ${id} could not be created (${created.status})`);
      this.settleSoon(first);
      return { inquiry: toInquiry(first), created: false };
    }
    const stored = created.value.resource;
    if (!stored) throw new Error(`Inquiry ${id} was created but not returned`);
    this.settleSoon(stored);
    return { inquiry: toInquiry(stored), created: true };
  }

  async get(id: string): Promise<Inquiry | undefined> {
    const doc = await this.readDoc(id);
    return doc ? toInquiry(doc) : undefined;
  }

  async byNumber(number: string): Promise<Inquiry | undefined> {
    await this.movesSettled();
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
    this.settleSoon(written.value);
    return { ok: true, value: toInquiry(written.value) };
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
    await this.movesSettled();
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
    if (message.quotedActivityId === undefined && message.quotedNumber === undefined)
      return this.replyTargets(askerKey, message.requestKey);
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
    const found = await this.everyPage<Stored<InquiryDoc>>(
      "query of the inquiries an asker's message may be about",
      `SELECT * FROM c WHERE c.type = 'inquiry' AND c.askerKey = @askerKey
       AND (c.status = 'waiting_for_asker' OR ARRAY_CONTAINS(c.requestKeys, @requestKey)
       ${quoted.join(' ')})`,
      parameters,
    );
    // Few, so sorted here: a cross-partition ORDER BY would need an index of its own.
    return found.map(toInquiry).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * The asker's inquiries listed as taking replies that wait for the asker or already took this
   * message, newest first; finished ones leave the list as they are found.
   */
  private async replyTargets(askerKey: string, requestKey: string): Promise<Inquiry[]> {
    const replies = await readDoc<AskerRepliesDoc>(
      this.container,
      askerRepliesId(askerKey),
      askerPartition(askerKey),
    );
    if (!replies) return [];
    const listed = await Promise.all(Object.keys(replies.inquiries).map((id) => this.readDoc(id)));
    const found: Inquiry[] = [];
    const gone: string[] = [];
    for (const [index, id] of Object.keys(replies.inquiries).entries()) {
      const doc = listed[index];
      if (!doc || doc.inquiry.asker.key !== askerKey || isFinished(doc.inquiry)) {
        gone.push(id);
        continue;
      }
      if (doc.status === 'waiting_for_asker' || doc.requestKeys?.includes(requestKey))
        found.push(toInquiry(doc));
    }
    if (gone.length > 0) await this.unlistReplies(askerKey, gone);
    return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Lists an inquiry as taking its asker's replies (before it is written as waiting for them). */
  private async listReplies(askerKey: string, inquiryId: string, at: string): Promise<void> {
    const id = askerRepliesId(askerKey);
    const pk = askerPartition(askerKey);
    for (let round = 0; round < 10; round++) {
      const patched = await patchContended(`listing of a reply target in ${id}`, () =>
        this.container
          .item(id, pk)
          .patch([{ op: 'set', path: `/inquiries/${inquiryId}`, value: at }]),
      );
      if (patched.ok) return;
      if (patched.status !== 404)
        throw new Error(`Cosmos DB patch of ${id} failed (${patched.status})`);
      const doc: AskerRepliesDoc = {
        id,
        pk,
        type: 'asker-replies',
        inquiries: { [inquiryId]: at },
      };
      if (await createOnce(this.container, doc)) return;
    }
    throw new Error(`Cosmos DB listing of a reply target in ${id} did not settle`);
  }

  /** Takes inquiries off their asker's reply list; one already gone is fine. */
  private async unlistReplies(askerKey: string, inquiryIds: string[]): Promise<void> {
    const id = askerRepliesId(askerKey);
    // A patch holds at most 10 operations; the rest leave at the next read.
    const operations = inquiryIds
      .slice(0, 10)
      .map((inquiryId) => ({ op: 'remove' as const, path: `/inquiries/${inquiryId}` }));
    const item = this.container.item(id, askerPartition(askerKey));
    try {
      const { resource, etag } = await item.patch<AskerRepliesDoc>(operations);
      // An empty list goes, so that nothing keyed by the asker stays once nothing is listed (an
      // erasure leaves no trace of them here); unless it was listed to again meanwhile.
      if (resource && Object.keys(resource.inquiries).length === 0)
        await item.delete({ accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (error) {
      // Another reader took some off first (a path no longer there refuses the whole patch), or
      // the list was written again before its delete.
      this.logger.debug({ error: statusOf(error) }, 'reply targets left for the next read');
    }
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
    const statement = queueQuery(query, '*');
    if (!statement) return [];
    return this.firstInquiries("query of a handler's queue", statement, limit);
  }

  async handlersQueueItems(query: QueueQuery, limit: number): Promise<QueueItem[]> {
    const statement = queueQuery(query, queueItemFields);
    if (!statement) return [];
    const found: QueueItem[] = [];
    await queryPages<QueueItemDoc>(
      this.container,
      "query of a handler's queue items",
      statement,
      { pageSize: Math.min(limit, this.pageSize) },
      (page) => {
        for (const doc of page) if (found.length < limit) found.push(toQueueItem(doc));
        return found.length < limit;
      },
    );
    return found;
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
      await this.unlistReplies(formerAsker, [inquiry.id]);
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
   * Copies the fields queries read beside the inquiry onto the inquiries an earlier version wrote
   * without them and that may be read before anything else writes them: those waiting for their
   * asker, who may answer (`askerKey`), and those in a handler's queue, whose items are read
   * without the inquiry (`level`).
   */
  async copyQueriedFields(): Promise<void> {
    const earlier = await this.everyPage<Stored<InquiryDoc>>(
      'query of inquiries written by an earlier version',
      `SELECT * FROM c WHERE c.type = 'inquiry' AND (
         (c.status = 'waiting_for_asker' AND NOT IS_DEFINED(c.askerKey))
         OR (c.status IN (${queueStatuses}) AND NOT IS_DEFINED(c.level)))`,
    );
    // A conflict means another write has just copied them.
    for (const doc of earlier)
      await replaceIf(this.container, { ...doc, ...queueFields(doc.inquiry) }, doc._etag);
  }

  /**
   * Lists every inquiry waiting for its asker on the asker's reply list, where an earlier version
   * wrote it without one; listing one twice changes nothing.
   */
  async listWaitingReplies(): Promise<void> {
    const waiting = await this.everyPage<Pick<InquiryDoc, 'id' | 'inquiry'>>(
      'query of inquiries waiting for their askers',
      `SELECT c.id, c.inquiry FROM c WHERE c.type = 'inquiry' AND c.status = 'waiting_for_asker'`,
    );
    for (const doc of waiting)
      await this.listReplies(doc.inquiry.asker.key, doc.id, doc.inquiry.updatedAt);
  }

  /** Moves notifications that have waited on inquiries since before `olderThan` into the outbox. */
  async moveStranded(olderThan: Date): Promise<void> {
    const stranded = await this.everyPage<Stored<InquiryDoc>>(
      'query of notifications not yet in the outbox',
      `SELECT * FROM c WHERE c.pendingSince <= @before`,
      [{ name: '@before', value: olderThan.toISOString() }],
    );
    for (const doc of stranded) await this.settle(doc);
  }

  /** Every result of a query, read page by page. */
  private async everyPage<T>(
    what: string,
    query: string,
    parameters: { name: string; value: string }[] = [],
  ): Promise<T[]> {
    const found: T[] = [];
    await queryPages<T>(
      this.container,
      what,
      { query, parameters },
      { pageSize: this.pageSize },
      (page) => {
        found.push(...page);
        return true;
      },
    );
    return found;
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
      assigneeKey: _assigneeKey,
      ...kept
    } = current;
    const stored = { ...inquiry, id: current.id, number: current.inquiry.number };
    if (stored.status === 'waiting_for_asker' && current.inquiry.status !== 'waiting_for_asker')
      await this.listReplies(stored.asker.key, stored.id, stored.updatedAt);
    const next: InquiryDoc = {
      ...kept,
      ...(inquiry.dueAt ? { dueAt: inquiry.dueAt } : {}),
      ...queueFields(stored),
      ...(pending.length || current.lookupsPending
        ? { pendingSince: current.pendingSince ?? inquiry.updatedAt }
        : {}),
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
   * Finishes a write after it has answered, so a person's turn does not wait: the lookups a new
   * inquiry needs, and its notifications into the outbox. The outbox's `lease`, and reads by
   * number or asker, wait for this; what a crash cuts short, the sweep finishes.
   */
  private settleSoon(doc: Stored<InquiryDoc>): void {
    if (doc.pending.length === 0 && !doc.lookupsPending) return;
    const settling: Promise<void> = this.settle(doc).then(
      () => {
        this.moving.delete(settling);
      },
      () => {
        this.moving.delete(settling);
      },
    );
    this.moving.add(settling);
  }

  /**
   * Resolves once the moves under way when called have ended; moves begun since are not waited
   * for, so a steady stream of writes never holds a reader up.
   */
  async movesSettled(): Promise<void> {
    if (this.moving.size > 0) await Promise.allSettled([...this.moving]);
  }

  /**
   * Makes a new inquiry's lookups and puts the document's pending notifications into the outbox,
   * then takes them off the document. Safe to repeat and to run concurrently: a lookup or an item
   * already there is left as it is. If it fails midway the sweep finishes the job later.
   */
  private async settle(doc: Stored<InquiryDoc>): Promise<void> {
    if (doc.pending.length === 0 && !doc.lookupsPending) return;
    try {
      if (doc.lookupsPending) await this.makeLookups(doc.inquiry);
      await Promise.all(doc.pending.map((notification) => this.outbox.put(notification)));
      const moved = new Set(doc.pending.map((p) => p.n));
      let current: Stored<InquiryDoc> | undefined = doc;
      for (let round = 0; round < 10 && current; round++) {
        const rest: QueuedNotification[] = current.pending.filter((p) => !moved.has(p.n));
        if (rest.length === current.pending.length && !current.lookupsPending) return;
        const { pendingSince, lookupsPending: _made, ...kept } = current;
        const cleared = await replaceIf(
          this.container,
          { ...kept, pending: rest, ...(rest.length ? { pendingSince } : {}) },
          current._etag,
        );
        if (cleared.ok) return;
        current = await this.readDoc(doc.id);
      }
    } catch (error) {
      // The write itself has happened; what is left waits on the inquiry for the sweep.
      this.logger.warn(
        { inquiry: doc.id, error: error instanceof Error ? error.name : 'unknown' },
        'notifications stay on the inquiry until the outbox sweep moves them',
      );
    }
  }

  /** Points the inquiry's number at it, and lists it in its asker's partition. */
  private async makeLookups(inquiry: Omit<Inquiry, 'etag'>): Promise<void> {
    const numberId = docId('number', inquiry.number);
    await Promise.all([
      createOnce<LookupDoc>(this.container, {
        id: numberId,
        pk: numberId,
        type: 'number',
        inquiryId: inquiry.id,
      }),
      createOnce<AskerEntryDoc>(this.container, {
        id: docId('asker-entry', inquiry.id),
        pk: askerPartition(inquiry.asker.key),
        type: 'asker-entry',
        inquiryId: inquiry.id,
        createdAt: inquiry.createdAt,
      }),
    ]);
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

/**
 * The queue's query of these fields (`*`, or a projection), oldest first; undefined when an empty
 * filter lets nothing through.
 */
function queueQuery(
  query: QueueQuery,
  fields: string,
): { query: string; parameters: { name: string; value: string }[] } | undefined {
  const scope = scopeConditions(query);
  if (!scope) return undefined;
  const { conditions, parameters } = scope;
  return {
    query: `SELECT ${fields} FROM c WHERE c.type = 'inquiry' AND c.status IN (${queueStatuses})
            ${conditions.map((c) => `AND ${c}`).join(' ')} ORDER BY c.createdAt`,
    parameters,
  };
}

/** The fields copied beside the inquiry that its queue item is read from, without the inquiry. */
const queueItemFields = 'c.id, c.status, c.level, c.assigneeKey, c.unitId, c.topicId, c.createdAt';

type QueueItemDoc = Required<
  Pick<InquiryDoc, 'id' | 'status' | 'level' | 'unitId' | 'topicId' | 'createdAt'>
> &
  Pick<InquiryDoc, 'assigneeKey'>;

function toQueueItem(doc: QueueItemDoc): QueueItem {
  return {
    id: doc.id,
    status: doc.status,
    level: doc.level,
    ...(doc.assigneeKey !== undefined ? { assigneeKey: doc.assigneeKey } : {}),
    unitId: doc.unitId,
    topicId: doc.topicId,
    createdAt: doc.createdAt,
  };
}

/** The fields queries filter and sort on or read without the inquiry, copied beside it. */
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
    level: inquiry.level,
    ...(inquiry.assignee ? { assigneeKey: inquiry.assignee.key } : {}),
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
