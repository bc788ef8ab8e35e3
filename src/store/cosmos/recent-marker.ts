/**
 * Whether a read made at `readAt` is younger than `maxAgeMs` at `now`, both from the same clock;
 * a clock that went back makes it count as too old.
 */
export function readWithin(readAt: number, now: number, maxAgeMs: number): boolean {
  const age = now - readAt;
  return age >= 0 && age < maxAgeMs;
}

/**
 * A marker that only moves forward (a generation, a counter of changes), read from the database at
 * most once per `maxAgeMs` however many callers ask; concurrent callers share one read. This
 * instance's own writes move it at once: a value this instance wrote is at least as new as
 * anything written before it, so the age starts again from there. What another instance writes
 * is seen within `maxAgeMs`.
 */
export class RecentMarker {
  private known?: { value: number; readAt: number };
  private reading?: Promise<number | undefined>;

  constructor(
    private readonly read: () => Promise<number | undefined>,
    private readonly maxAgeMs: number,
    private readonly monotonicMs: () => number,
  ) {}

  /** The marker as read at most `maxAgeMs` ago; `undefined` (nothing written yet) is never kept. */
  async get(): Promise<number | undefined> {
    const known = this.known;
    if (known && readWithin(known.readAt, this.monotonicMs(), this.maxAgeMs)) return known.value;
    return this.refresh();
  }

  /**
   * Reads now, whatever the age (or joins the read under way): what the store's periodic refresh
   * does, so that a turn finds the marker fresh and need not read it itself.
   */
  refresh(): Promise<number | undefined> {
    this.reading ??= this.readNow().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  /** This instance wrote `value`. */
  wrote(value: number): void {
    if (!this.known || value >= this.known.value)
      this.known = { value, readAt: this.monotonicMs() };
  }

  private async readNow(): Promise<number | undefined> {
    const readAt = this.monotonicMs();
    const value = await this.read();
    if (value === undefined) return this.known?.value;
    // A write of this instance's own made while the read ran may be newer than what it found.
    if (!this.known || value >= this.known.value) this.known = { value, readAt };
    return this.known.value;
  }
}
