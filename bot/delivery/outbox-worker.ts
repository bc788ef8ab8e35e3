import type { Logger } from '../../src/logger';
import type { NotificationIntent } from '../../src/notifications/intents';
import { Periodic } from '../../src/periodic';
import { deliver, type DeliveryDeps } from './deliver';
import { NotReadyError } from './errors';
import { checkTeamsSetupNow } from './roster';
import { sentLogOf } from './sent-log';
import { nextRetry, type RetryPolicy } from './retry-policy';

export interface OutboxWorkerOptions extends DeliveryDeps {
  logger: Logger;
  /** Identifies this instance in leases. */
  owner: string;
  intervalMs: number;
  retryPolicy: RetryPolicy;
  /** How long a leased item is this instance's before another may take it over. */
  leaseMs?: number;
  batchSize?: number;
}

/**
 * Sends what the core queued in the outbox. Each item is leased before it is sent, so several
 * instances never send the same one; an item whose send fails goes back with a retry time, and one
 * left by a crashed instance is taken over when its lease runs out.
 */
export class OutboxWorker {
  private readonly loop: Periodic;
  /** The Teams setup check: running or done (true), or not yet possible (undefined). */
  private setupCheck: Promise<boolean> | undefined;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.loop = new Periodic(
      () => this.drain(),
      options.intervalMs,
      (error: unknown) => options.logger.error({ error: describe(error) }, 'outbox run failed'),
    );
  }

  start(): void {
    this.loop.start();
  }

  /** Looks for work now, e.g. right after a turn queued some. */
  kick(): void {
    this.loop.kick();
  }

  /** Sends what is due now and resolves when that run has ended. */
  runNow(): Promise<void> {
    return this.loop.runNow();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.setupCheck;
  }

  /** Works through everything due now; returns how many items were handled. */
  async drain(): Promise<number> {
    const { store, clock, owner } = this.options;
    const leaseMs = this.options.leaseMs ?? 60_000;
    let handled = 0;
    for (;;) {
      const now = clock.now();
      const items = await store.outbox.lease(
        now,
        owner,
        new Date(now.getTime() + leaseMs),
        // One at a time by default: each item's lease starts when its sends do, so a slow item
        // ahead of it (Teams throttling, say) cannot let another instance take it over.
        this.options.batchSize ?? 1,
      );
      if (items.length === 0) {
        this.startSetupCheck();
        return handled;
      }
      for (const item of items) {
        await this.handle(item.id, item.intent, item.attempts);
        handled++;
      }
    }
  }

  /**
   * Checks the organisation's Teams setup once Teams can be reached (its endpoint known from an
   * activity or from the configuration); true when done.
   */
  /** Checks the Teams setup beside the sends, never ahead of them; again later if it could not. */
  private startSetupCheck(): void {
    if (this.setupCheck) return;
    this.setupCheck = this.checkSetup().then((done) => {
      if (!done) this.setupCheck = undefined;
      return done;
    });
  }

  private async checkSetup(): Promise<boolean> {
    const { logger } = this.options;
    try {
      return (await checkTeamsSetupNow(this.options)) !== undefined;
    } catch (error) {
      logger.warn({ error: describe(error) }, 'Teams setup check failed, will try again');
      return false;
    }
  }

  private async handle(
    id: number,
    intent: Parameters<typeof deliver>[1],
    attempts: number,
  ): Promise<void> {
    const { store, clock, owner } = this.options;
    // Lines about this send carry the inquiry's id, and of the intent only what kind it is.
    const logger = this.options.logger.child({ inquiry: intent.inquiryId });
    const notification = loggableIntent(intent);
    const sent = sentLogOf(store.state, id);
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
        logger.warn(
          { notification, attempts, error: message, retryInMs: decision.delayMs },
          'send failed, will retry',
        );
        await store.outbox.retry(
          id,
          owner,
          new Date(clock.now().getTime() + decision.delayMs),
          message,
        );
        return;
      }
      logger.error({ notification, attempts, error: message }, 'send failed for good');
      await store.outbox.fail(id, owner, clock.now(), message);
      await sent.clear();
      await store.inquiries.recordDeliveryFailure(intent.inquiryId, {
        at: clock.now().toISOString(),
        note: `${intent.kind}: ${message}`,
      });
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
