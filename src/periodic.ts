/**
 * Runs a piece of background work at once and then `intervalMs` after each run ends, never two
 * runs at a time. A kick asks for another run as soon as the current one ends; a failed run is
 * reported and the next one comes as usual.
 */
export class Periodic {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  /** Callers of `runNow` waiting for the next run to begin and end. */
  private waiting: (() => void)[] = [];

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Started and not stopped. */
  isRunning(): boolean {
    return !this.stopped;
  }

  /** Runs again now, or right after the run under way. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Kicks, and resolves when a run that began after this call has ended: everything due when it
   * was called has then been looked at. Resolves at once when stopped.
   */
  runNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const ended = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.kick();
    return ended;
  }

  /** Stops the timer and waits for a run under way to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    this.again = false;
    const waiting = this.waiting.splice(0);
    this.running = this.work()
      .then(() => undefined)
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.running = undefined;
        waiting.forEach((resolve) => resolve());
        if (!this.stopped) this.schedule(this.again ? 0 : this.intervalMs);
      });
  }
}
