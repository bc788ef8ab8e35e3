import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { Periodic } from '../periodic';
import type { DirectoryProvider } from '../org/provider';
import type { Store } from '../store/ports';
import { withCurrentAbsences } from '../absence/active-absences';
import { followUpUnfinished } from '../follow-ups/unfinished-questions';
import { stepDue } from './due';
import { escalationTiming } from './policy';

export interface SchedulerDeps {
  store: Store;
  directories: DirectoryProvider;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
  /** Called when a step queued notifications, so they go out at once. */
  notify?: () => void;
  /** Work done after the escalation steps of every run, in bounded batches (retention). */
  housekeeping?: () => Promise<void>;
  batchSize?: number;
}

/**
 * Looks for inquiries whose reminder or deadline has come and takes the next escalation step, and
 * for questions left without a unit or topic whose follow-up has come.
 * Each step is written with the etag that was read, so when several instances find the same
 * inquiry only one write succeeds and only its notifications are queued: every step happens once.
 */
export class EscalationScheduler {
  private readonly loop: Periodic;

  constructor(private readonly deps: SchedulerDeps) {
    this.loop = new Periodic(
      () => this.runDue(),
      deps.intervalMs,
      (error: unknown) =>
        deps.logger.error(
          { error: error instanceof Error ? error.message : String(error) },
          'escalation run failed',
        ),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Started and not stopped: it looks for due work on its interval. */
  isRunning(): boolean {
    return this.loop.isRunning();
  }

  /** Takes the steps due now and resolves when that run has ended. */
  runNow(): Promise<void> {
    return this.loop.runNow();
  }

  /** Takes every step due now; returns how many this instance took. */
  async runDue(): Promise<number> {
    const { store, clock } = this.deps;
    const limit = this.deps.batchSize ?? 50;
    let taken = 0;
    for (let round = 0; round < 100; round++) {
      const now = clock.now();
      const due = await store.inquiries.due(now, limit);
      if (due.length === 0) break;
      let progressed = false;
      for (const found of due) {
        if (await this.step(found.id, now)) {
          taken++;
          progressed = true;
        }
      }
      if (!progressed && due.length < limit) break;
    }
    taken += await followUpUnfinished(
      store,
      escalationTiming(await this.deps.directories.current()),
      clock.now(),
      limit,
    );
    if (taken > 0) this.deps.notify?.();
    await this.deps.housekeeping?.();
    return taken;
  }

  /** One inquiry's step; false when another instance took it first or nothing was due. */
  private async step(id: string, now: Date): Promise<boolean> {
    const { store, directories } = this.deps;
    const timing = escalationTiming(await directories.current());
    const found = await store.inquiries.get(id);
    if (!found) return false;
    // Reminders and escalation go to whoever stands in for someone away today.
    const inquiry = await withCurrentAbsences(store, found, now);
    const step = stepDue(inquiry, now, timing);
    if (!step) return false;
    const saved = await store.inquiries.update(step.inquiry, step.notifications);
    return saved.ok;
  }
}
