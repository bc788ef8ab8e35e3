/**
 * What this process last stored of where Teams reaches each tenant and each person's chat, so a
 * turn writes them only when they change instead of on every message. Bounded: when full it starts
 * afresh, and a forgotten entry costs one write.
 */
export class StoredReferences {
  private readonly entries = new Map<string, string>();

  constructor(private readonly limit = 10_000) {}

  /** Runs `save` unless this process already stored `value` under `key`. */
  async saveIfChanged(key: string, value: string, save: () => Promise<void>): Promise<void> {
    if (this.entries.get(key) === value) return;
    await save();
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
  }

  /** Forgets what was stored under `key`, so the next turn stores it again. */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
