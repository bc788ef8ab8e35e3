import type { Inquiry, NewInquiry } from '../inquiries/inquiry';
import type { QueueItem } from '../inquiries/queue-item';
import { withCardPlaced, withDeliveryFailure, type CardPlacement } from '../inquiries/posted-cards';
import type { NotificationIntent } from '../notifications/intents';
import type { InquiryRepository, Store, WriteResult } from '../store/ports';
import { webhookTarget } from './payload';

/** The outbox items that deliver history events `from`…`to - 1` of an inquiry to every target. */
function webhookIntents(
  inquiryId: string,
  from: number,
  to: number,
  targets: readonly string[],
): NotificationIntent[] {
  const intents: NotificationIntent[] = [];
  for (let sequence = from; sequence < to; sequence++)
    for (const target of targets) intents.push({ kind: 'webhook', inquiryId, sequence, target });
  return intents;
}

/**
 * The inquiries with every new history event queued for the webhooks in the same write as the
 * event itself: an event is delivered if and only if it was stored. An update learns which events
 * are new from the version it replaces (read first; when that is not the version the caller
 * read, the write is a conflict anyway and nothing is queued).
 */
class WebhookInquiries implements InquiryRepository {
  constructor(
    private readonly inner: InquiryRepository,
    private readonly targets: readonly string[],
  ) {}

  create(
    inquiry: NewInquiry,
    notifications: NotificationIntent[],
  ): Promise<{ inquiry: Inquiry; created: boolean }> {
    return this.inner.create(inquiry, [
      ...notifications,
      ...webhookIntents(inquiry.id, 0, inquiry.history.length, this.targets),
    ]);
  }

  get(id: string): Promise<Inquiry | undefined> {
    return this.inner.get(id);
  }

  byNumber(number: string): Promise<Inquiry | undefined> {
    return this.inner.byNumber(number);
  }

  async update(
    inquiry: Inquiry,
    notifications: NotificationIntent[],
  ): Promise<WriteResult<Inquiry>> {
    const stored = await this.inner.get(inquiry.id);
    const events =
      stored && stored.etag === inquiry.etag
        ? webhookIntents(inquiry.id, stored.history.length, inquiry.history.length, this.targets)
        : [];
    return this.inner.update(inquiry, [...notifications, ...events]);
  }

  recordCard(
    id: string,
    placement: CardPlacement,
    event?: Inquiry['history'][number],
  ): Promise<WriteResult<Inquiry>> {
    if (!event) return this.inner.recordCard(id, placement);
    return this.amend(id, (inquiry) => withCardPlaced(inquiry, placement, event));
  }

  recordDeliveryFailure(
    id: string,
    failure: { at: string; note: string },
  ): Promise<WriteResult<Inquiry>> {
    return this.amend(id, (inquiry) => withDeliveryFailure(inquiry, failure));
  }

  listByAsker(askerKey: string, limit: number): Promise<Inquiry[]> {
    return this.inner.listByAsker(askerKey, limit);
  }

  due(now: Date, limit: number): Promise<Inquiry[]> {
    return this.inner.due(now, limit);
  }

  handlersQueue(...args: Parameters<InquiryRepository['handlersQueue']>): Promise<Inquiry[]> {
    return this.inner.handlersQueue(...args);
  }

  handlersQueueItems(
    ...args: Parameters<InquiryRepository['handlersQueueItems']>
  ): Promise<QueueItem[]> {
    return this.inner.handlersQueueItems(...args);
  }

  writtenSince(...args: Parameters<InquiryRepository['writtenSince']>): Promise<Inquiry[]> {
    return this.inner.writtenSince(...args);
  }

  meantByAskerMessage(
    ...args: Parameters<InquiryRepository['meantByAskerMessage']>
  ): Promise<Inquiry[]> {
    return this.inner.meantByAskerMessage(...args);
  }

  search(...args: Parameters<InquiryRepository['search']>): Promise<Inquiry[]> {
    return this.inner.search(...args);
  }

  finishedBefore(...args: Parameters<InquiryRepository['finishedBefore']>): Promise<Inquiry[]> {
    return this.inner.finishedBefore(...args);
  }

  /** Redaction adds no event: nothing to deliver. */
  scrub(inquiry: Inquiry): Promise<WriteResult<Inquiry>> {
    return this.inner.scrub(inquiry);
  }

  involving(personKeys: readonly string[]): Promise<Inquiry[]> {
    return this.inner.involving(personKeys);
  }

  /** What the store's own amend does (read, change, write if unchanged, again on a conflict), with the events queued. */
  private async amend(
    id: string,
    change: (inquiry: Inquiry) => Inquiry,
  ): Promise<WriteResult<Inquiry>> {
    for (let round = 0; round < 10; round++) {
      const current = await this.inner.get(id);
      if (!current) return { ok: false, reason: 'not_found' };
      const changed = change(current);
      const written = await this.inner.update(
        changed,
        webhookIntents(id, current.history.length, changed.history.length, this.targets),
      );
      if (written.ok || written.reason === 'not_found') return written;
    }
    return { ok: false, reason: 'conflict' };
  }
}

/** The store with every inquiry event queued for delivery to these URLs. */
export function withWebhookEvents(store: Store, urls: readonly string[]): Store {
  return { ...store, inquiries: new WebhookInquiries(store.inquiries, urls.map(webhookTarget)) };
}
