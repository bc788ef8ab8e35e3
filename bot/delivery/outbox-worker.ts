import type { Logger } from '../../src/logger';
import {
  inquiryOf,
  subjectOf,
  type NotificationIntent,
  type OutboxItem,
} from '../../src/notifications/intents';
import { Periodic } from '../../src/periodic';
import { recordUndeliverable } from '../../src/notifications/undeliverable';
import { conversationKeyOf } from './conversation-key';
import { deliver, type DeliveryDeps } from './deliver';
import { NotReadyError, statusOf } from './errors';
import { checkTeamsSetupNow } from './roster';
import { sentLogOf } from './sent-log';
import { nextRetry, type RetryPolicy } from './retry-policy';

export interface OutboxWorkerOptions extends DeliveryDeps {
  logger: Logger;
  /** Identifies this instance in leases. */
  owner: string;
  intervalMs: number;
  retryPolicy: RetryPolicy;
  /**
   * How long a leased item is this instance's before another may take it over. The lease is
   * renewed while the item is worked on, so this is how soon a crashed instance's work is taken
   * over, not how long a send may take.
   */
  leaseMs?: number;
  /** How many items are sent at a time, each into a different conversation. */
  concurrency?: number;
}

/** What the outbox says about itself for the readiness check. */
export interface OutboxHealth {
  running: boolean;
  /** When the oldest notification still waiting was queued, as of the last look. */
  oldestPendingAt?: Date;
  /** How long the oldest call to Teams under way has waited (ms), if one is under way. */
  longestCallMs?: number;
}

interface InFlight {
  item: OutboxItem;
  done: Promise<void>;
}

/** Items held (leased, waiting for their conversation) for each one that may be sent at a time. */
const heldPerSlot = 8;

/**
 * Sends what the core queued in the outbox, several items at a time: items for different
 * conversations side by side, items for one conversation one after another in the order queued
 * (see `conversationKeyOf`). Each item is leased before it is sent, so several instances never
 * send the same one; the lease is short and renewed while the item is worked on, so an item left
 * by a crashed instance is taken over within one lease. An item whose send fails goes back with a
 * retry time.
 */
export class OutboxWorker {
  private readonly loop: Periodic;
  /** The Teams setup check: running or done (true), or not yet possible (undefined). */
  private setupCheck: Promise<boolean> | undefined;
  /** Leased items not finished yet, sending or waiting for their conversation. */
  private readonly inFlight = new Map<number, InFlight>();
  /** The last item started or waiting in each conversation. */
  private readonly tails = new Map<string, Promise<void>>();
  /** Items being sent now. */
  private active = 0;
  /** Conversations Teams has throttled (429), until when their wait lasts (the clock's time). */
  private readonly throttled = new Map<string, Date>();
  private stopping = false;
  private renewal?: NodeJS.Timeout;
  private oldestPendingAt: Date | undefined;
  /** The outbox figure is looked up again on the next run (monotonic ms of the last look). */
  private figureAt = -Infinity;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.loop = new Periodic(
      () => this.drain(),
      options.intervalMs,
      (error: unknown) => options.logger.error({ error: describe(error) }, 'outbox run failed'),
    );
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 10_000;
  }

  private get concurrency(): number {
    return this.options.concurrency ?? 8;
  }

  start(): void {
    this.stopping = false;
    this.loop.start();
    this.renewal = setInterval(() => void this.renewLeases(), Math.max(1, this.leaseMs / 3));
    this.renewal.unref();
  }

  /** Looks for work now, e.g. right after a turn queued some. */
  kick(): void {
    this.loop.kick();
  }

  /**
   * Sends what is due now and resolves when every item then leased has been handled and nothing
   * more is due.
   */
  async runNow(): Promise<void> {
    this.figureAt = -Infinity;
    for (;;) {
      await this.loop.runNow();
      if (this.inFlight.size === 0) return;
      await Promise.all([...this.inFlight.values()].map((f) => f.done));
    }
  }

  /**
   * Takes no more work and waits for the sends under way (each bounded by the connector's call
   * timeout); items still waiting for their conversation are left to their leases, which lapse
   * within one lease for another instance (or this one restarted) to take over.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
    // Leases are renewed until the sends under way end, so no other instance takes them over.
    await Promise.all([...this.inFlight.values()].map((f) => f.done));
    clearInterval(this.renewal);
    await this.setupCheck;
  }

  health(): OutboxHealth {
    const longestCallMs = this.options.sender.longestCallMs();
    return {
      running: this.loop.isRunning(),
      ...(this.oldestPendingAt ? { oldestPendingAt: this.oldestPendingAt } : {}),
      ...(longestCallMs !== undefined ? { longestCallMs } : {}),
    };
  }

  /** Leases what is due into the free places; returns how many items were leased. */
  async drain(): Promise<number> {
    const { store, clock, owner } = this.options;
    let leased = 0;
    for (;;) {
      const room = Math.min(
        this.concurrency - this.active,
        this.concurrency * heldPerSlot - this.inFlight.size,
      );
      if (room <= 0 || this.stopping) break;
      const now = clock.now();
      const items = await store.outbox.lease(
        now,
        owner,
        new Date(now.getTime() + this.leaseMs),
        room,
      );
      // An item this instance still works on whose lease lapsed on the clock before its renewal
      // (a paused process) comes back to it: leased again, so kept, but not sent twice.
      for (const item of items) {
        if (this.inFlight.has(item.id)) continue;
        this.begin(item, await this.keyOf(item));
        leased++;
      }
      if (items.length < room) {
        if (this.inFlight.size === 0) this.startSetupCheck();
        break;
      }
    }
    await this.refreshFigure();
    return leased;
  }

  /** Sends the item now when its conversation is free, else right after the one before it. */
  private begin(item: OutboxItem, key: string): void {
    const before = this.tails.get(key);
    const run = async (): Promise<void> => {
      if (this.stopping) return;
      this.active++;
      try {
        await this.handle(item, key);
      } finally {
        this.active--;
      }
    };
    if (!before) this.active++; // counted at once, so this run's next lease leaves its place
    const done = (
      before
        ? before.then(run)
        : this.handle(item, key).finally(() => {
            this.active--;
          })
    )
      .catch((error: unknown) =>
        this.options.logger.error(
          {
            inquiry: subjectOf(item.intent),
            notification: loggableIntent(item.intent),
            error: describe(error),
          },
          'outbox item could not be finished',
        ),
      )
      .finally(() => {
        this.inFlight.delete(item.id);
        if (this.tails.get(key) === done) this.tails.delete(key);
        this.loop.kick();
      });
    this.tails.set(key, done);
    this.inFlight.set(item.id, { item, done });
  }

  private async keyOf(item: OutboxItem): Promise<string> {
    try {
      return await conversationKeyOf(this.options, item.intent);
    } catch {
      return `inquiry:${subjectOf(item.intent)}`;
    }
  }

  /** Keeps the items this instance works on (or holds for their conversation) its own. */
  private async renewLeases(): Promise<void> {
    if (this.inFlight.size === 0) return;
    const { store, clock, owner, logger } = this.options;
    const ids = [...this.inFlight.keys()];
    const until = new Date(clock.now().getTime() + this.leaseMs);
    try {
      await store.outbox.renew(ids, owner, until);
      logger.debug({ items: ids.length, until: until.toISOString() }, 'outbox leases renewed');
    } catch (error) {
      logger.warn({ error: describe(error) }, 'outbox leases could not be renewed');
    }
  }

  /** The age figure for readiness: looked up at most once an interval, never on a request. */
  private async refreshFigure(): Promise<void> {
    if (performance.now() - this.figureAt < this.options.intervalMs) return;
    this.figureAt = performance.now();
    this.oldestPendingAt = await this.options.store.outbox.oldestPending();
  }

  /** Checks the Teams setup beside the sends, never ahead of them; again later if it could not. */
  private startSetupCheck(): void {
    if (this.setupCheck) return;
    this.setupCheck = this.checkSetup().then((done) => {
      if (!done) this.setupCheck = undefined;
      return done;
    });
  }

  /**
   * Checks the organisation's Teams setup once Teams can be reached (its endpoint known from an
   * activity or from the configuration); true when done.
   */
  private async checkSetup(): Promise<boolean> {
    const { logger } = this.options;
    try {
      return (await checkTeamsSetupNow(this.options)) !== undefined;
    } catch (error) {
      logger.warn({ error: describe(error) }, 'Teams setup check failed, will try again');
      return false;
    }
  }

  private async handle({ id, intent, attempts }: OutboxItem, key: string): Promise<void> {
    const { store, clock, owner } = this.options;
    // Lines about this send carry the inquiry's id, and of the intent only what kind it is.
    const logger = this.options.logger.child({ inquiry: subjectOf(intent) });
    const notification = loggableIntent(intent);
    // Teams asked for a pause in this conversation: the item waits it out, unsent.
    const pausedUntil = this.throttled.get(key);
    if (pausedUntil && pausedUntil > clock.now()) {
      await store.outbox.retry(id, owner, pausedUntil, 'waiting: Teams throttled the conversation');
      return;
    }
    this.throttled.delete(key);
    const sent = sentLogOf(store.state, id, (send) =>
      logger.warn(
        { notification, attempts, send: send.split(':')[0] },
        'sending again what may already have reached Teams: the last try got no clear answer',
      ),
    );
    try {
      await deliver({ ...this.options, sent }, intent);
      await store.outbox.complete(id, owner, clock.now());
      await sent.clear();
    } catch (error) {
      const message = describe(error);
      const decision =
        error instanceof NotReadyError
          ? { retry: true as const, delayMs: this.options.intervalMs * 5 }
          : nextRetry(this.options.retryPolicy, error, attempts, clock.now());
      if (decision.retry) {
        const retryAt = new Date(clock.now().getTime() + decision.delayMs);
        if (statusOf(error) === 429) this.throttled.set(key, retryAt);
        logger.warn(
          { notification, attempts, error: message, retryInMs: decision.delayMs },
          'send failed, will retry',
        );
        await store.outbox.retry(id, owner, retryAt, message);
        return;
      }
      logger.error({ notification, attempts, error: message }, 'send failed for good');
      await store.outbox.fail(id, owner, clock.now(), message);
      await sent.clear();
      // A service desk that refuses an event is not a step of the inquiry (and recording it as
      // one would be an event to deliver in its turn): the log line is its record.
      const inquiryId = inquiryOf(intent);
      if (intent.kind === 'webhook' || !inquiryId) return;
      await store.inquiries.recordDeliveryFailure(inquiryId, {
        at: clock.now().toISOString(),
        note: `${intent.kind}: ${message}`,
      });
      // Someone must know that a step of the inquiry reached nobody: once per inquiry.
      if (intent.kind !== 'staff.notice')
        await recordUndeliverable(
          store,
          await this.options.directories.current(),
          inquiryId,
          clock.now(),
        );
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { statusCode?: number }).statusCode;
  return status ? `${status} ${error.message}` : error.message;
}

/**
 * What a log line may say about a notification: its kind and why, never the note a person wrote
 * (an "Ikke løst" comment, an escalation note) nor whom it is for.
 */
export function loggableIntent(intent: NotificationIntent): Record<string, string> {
  return {
    kind: intent.kind,
    ...('reason' in intent ? { reason: intent.reason } : {}),
    ...('level' in intent ? { level: intent.level } : {}),
  };
}
