import type { Container } from '@azure/cosmos';
import { inquiryOf, type NotificationIntent, type OutboxItem } from '../../notifications/intents';
import type { OutboxRepository } from '../ports';
import type { Counters } from './counters';
import {
  attempt,
  call,
  createOnce,
  queryPages,
  readDoc,
  replaceIf,
  type Stored,
} from './documents';

/** A notification on its way into the outbox, keyed by its outbox number. */
export interface QueuedNotification {
  n: number;
  intent: NotificationIntent;
  /** When it was queued; it is due from then. */
  at: string;
}

interface OutboxDoc {
  id: string;
  pk: string;
  n: number;
  state: 'pending' | 'sent' | 'failed';
  intent: NotificationIntent;
  dueAt: string;
  /**
   * While pending, when the item may be leased next: its due time, or the end of the current
   * lease. Indexed with `state`; a finished item has none, so it leaves the range `lease` reads.
   */
  availableAt?: string;
  attempts: number;
  createdAt: string;
  leaseOwner?: string;
  leaseUntil?: string;
  lastError?: string;
  doneAt?: string;
  /** Seconds a finished item is kept (the container has TTL on, without a default). */
  ttl?: number;
}

const keepFinishedSeconds = 30 * 24 * 3600;

/**
 * The number of an inquiry's k-th notification, derived from its readable number so that moving
 * the same notification twice writes the same document: QM-2026-0042, k=3 → 2026 0000042 00003.
 */
export function notificationNumber(inquiryNumber: string, k: number): number {
  const match = /^QM-(\d{4})-(\d+)$/.exec(inquiryNumber);
  if (!match) throw new Error(`Not an inquiry number: ${inquiryNumber}`);
  const year = Number(match[1]);
  const sequence = Number(match[2]);
  if (sequence >= 1e7 || k >= 1e5)
    throw new Error(`Outbox number out of range: ${inquiryNumber}/${k}`);
  return year * 1e12 + sequence * 1e5 + k;
}

export interface OutboxOptions {
  pageSize: number;
  /**
   * Moves notifications that a crash left on inquiries into the outbox; called from `lease` at
   * most every `sweepEveryMs`, for inquiries that have carried them for at least `sweepAfterMs`.
   */
  sweep: (olderThan: Date) => Promise<void>;
  /** Resolves once the moves of notifications into the outbox under way have ended. */
  movesSettled: () => Promise<void>;
  sweepEveryMs: number;
  sweepAfterMs: number;
}

/**
 * The notification outbox: one document per item, its own partition (`pk` = id = the item's
 * number), so every operation on a known item is a point read or a conditional write.
 */
export class CosmosOutboxRepository implements OutboxRepository {
  private lastSweep = -Infinity;

  constructor(
    private readonly container: Container,
    private readonly counters: Counters,
    private readonly options: OutboxOptions,
  ) {}

  /** Puts a notification in the outbox unless it is there already (sent or not). */
  async put(notification: QueuedNotification): Promise<void> {
    const id = String(notification.n);
    await createOnce<OutboxDoc>(this.container, {
      id,
      pk: id,
      n: notification.n,
      state: 'pending',
      intent: notification.intent,
      dueAt: notification.at,
      availableAt: notification.at,
      attempts: 0,
      createdAt: notification.at,
    });
  }

  async enqueue(intents: NotificationIntent[], dueAt: Date): Promise<void> {
    if (intents.length === 0) return;
    // Items not tied to an inquiry's write are numbered from a counter, below every inquiry's range.
    const last = await this.counters.next('outbox', intents.length);
    const at = dueAt.toISOString();
    for (const [index, intent] of intents.entries()) {
      await this.put({ n: last - intents.length + 1 + index, intent, at });
    }
  }

  async lease(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<OutboxItem[]> {
    await this.options.movesSettled();
    if (now.getTime() - this.lastSweep >= this.options.sweepEveryMs) {
      this.lastSweep = now.getTime();
      await this.options.sweep(new Date(now.getTime() - this.options.sweepAfterMs));
    }
    const candidates: Stored<OutboxDoc>[] = [];
    await queryPages<Stored<OutboxDoc>>(
      this.container,
      'query of due notifications',
      {
        // Ordered as the composite index (state, availableAt) is, so the index serves the query.
        query: `SELECT * FROM c WHERE c.state = 'pending' AND c.availableAt <= @now
                ORDER BY c.state, c.availableAt`,
        parameters: [{ name: '@now', value: now.toISOString() }],
      },
      { pageSize: Math.min(limit, this.options.pageSize) },
      (page) => {
        candidates.push(...page);
        return candidates.length < limit;
      },
    );
    const leased: OutboxItem[] = [];
    for (const doc of candidates.slice(0, limit)) {
      const until = leaseUntil.toISOString();
      const taken = await replaceIf(
        this.container,
        {
          ...doc,
          leaseOwner: owner,
          leaseUntil: until,
          availableAt: until,
          attempts: doc.attempts + 1,
        },
        doc._etag,
      );
      if (!taken.ok) continue; // another instance took it first
      leased.push({
        id: doc.n,
        intent: doc.intent,
        attempts: doc.attempts + 1,
        dueAt: doc.dueAt,
        createdAt: doc.createdAt,
        ...(doc.lastError ? { lastError: doc.lastError } : {}),
      });
    }
    return leased;
  }

  complete(id: number, owner: string, at: Date): Promise<void> {
    return this.finish(id, owner, ({ availableAt: _availableAt, ...doc }) => ({
      ...doc,
      state: 'sent',
      doneAt: at.toISOString(),
      ttl: keepFinishedSeconds,
    }));
  }

  fail(id: number, owner: string, at: Date, error: string): Promise<void> {
    return this.finish(id, owner, ({ availableAt: _availableAt, ...doc }) => ({
      ...doc,
      state: 'failed',
      doneAt: at.toISOString(),
      lastError: error,
      ttl: keepFinishedSeconds,
    }));
  }

  retry(id: number, owner: string, retryAt: Date, error: string): Promise<void> {
    const at = retryAt.toISOString();
    return this.finish(id, owner, (doc) => ({
      ...doc,
      dueAt: at,
      availableAt: at,
      lastError: error,
    }));
  }

  async renew(ids: number[], owner: string, leaseUntil: Date): Promise<void> {
    const until = leaseUntil.toISOString();
    for (const n of ids) {
      const id = String(n);
      const doc = await readDoc<OutboxDoc>(this.container, id, id);
      if (!doc || doc.state !== 'pending' || doc.leaseOwner !== owner) continue;
      // A conflict means the item has just been finished or taken over: nothing to extend.
      await replaceIf(this.container, { ...doc, leaseUntil: until, availableAt: until }, doc._etag);
    }
  }

  async oldestPending(): Promise<Date | undefined> {
    const { resources } = await call('oldest pending notification', () =>
      this.container.items
        .query<string | undefined>(`SELECT VALUE MIN(c.createdAt) FROM c WHERE c.state = 'pending'`)
        .fetchAll(),
    );
    const times = resources.filter((at): at is string => typeof at === 'string').sort();
    return times[0] ? new Date(times[0]) : undefined;
  }

  async pendingCount(): Promise<number> {
    const { resources } = await call('count of pending notifications', () =>
      this.container.items
        .query<number>(`SELECT VALUE COUNT(1) FROM c WHERE c.state = 'pending'`)
        .fetchAll(),
    );
    return resources.reduce((sum, n) => sum + n, 0);
  }

  async removeFinishedBefore(cutoff: Date, limit: number): Promise<number> {
    const ids: string[] = [];
    await queryPages<{ id: string }>(
      this.container,
      'query of finished notifications past their retention',
      {
        query: `SELECT c.id FROM c WHERE c.state IN ('sent', 'failed') AND c.doneAt <= @cutoff`,
        parameters: [{ name: '@cutoff', value: cutoff.toISOString() }],
      },
      { pageSize: Math.min(limit, this.options.pageSize) },
      (page) => {
        for (const { id } of page) if (ids.length < limit) ids.push(id);
        return ids.length < limit;
      },
    );
    return this.remove(ids);
  }

  async removeFinishedAbout(
    inquiryIds: readonly string[],
    personKeys: readonly string[],
  ): Promise<number> {
    const inquiries = new Set(inquiryIds);
    const people = new Set(personKeys);
    const ids: string[] = [];
    await queryPages<Stored<OutboxDoc>>(
      this.container,
      'scan of finished notifications for one person',
      { query: `SELECT * FROM c WHERE c.state IN ('sent', 'failed')`, parameters: [] },
      { pageSize: this.options.pageSize },
      (page) => {
        for (const doc of page) {
          const { intent } = doc;
          const recipient = intent.kind === 'handler.notice' ? intent.recipientKey : undefined;
          const inquiryId = inquiryOf(intent);
          if ((inquiryId && inquiries.has(inquiryId)) || (recipient && people.has(recipient)))
            ids.push(doc.id);
        }
        return true;
      },
    );
    return this.remove(ids);
  }

  /** Deletes finished items by id; one already gone counts as removed by someone else. */
  private async remove(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (const id of ids) {
      const deleted = await attempt(`delete of outbox item ${id}`, () =>
        this.container.item(id, id).delete(),
      );
      if (deleted.ok) removed++;
    }
    return removed;
  }

  /** Changes an item its owner still holds and lets go of the lease; otherwise does nothing. */
  private async finish(
    n: number,
    owner: string,
    change: (doc: OutboxDoc) => OutboxDoc,
  ): Promise<void> {
    const id = String(n);
    for (let round = 0; round < 5; round++) {
      const doc = await readDoc<OutboxDoc>(this.container, id, id);
      if (!doc || doc.state !== 'pending' || doc.leaseOwner !== owner) return;
      const { leaseOwner: _owner, leaseUntil: _until, ...rest } = change(doc);
      const written = await replaceIf(this.container, rest, doc._etag);
      if (written.ok || written.status === 404) return;
    }
  }
}
