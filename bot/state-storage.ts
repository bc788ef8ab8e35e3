import type { Storage, StoreItems } from 'botbuilder';
import type { StateRepository } from '../src/store/ports';

/**
 * The bot framework's turn-state storage over the project's store, so no turn state lives in one
 * process's memory. Writes honour `eTag` as botbuilder's storages do: `*` or none overwrites.
 */
export class StoreStorage implements Storage {
  constructor(private readonly state: StateRepository) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.state.read(keys);
    const items: StoreItems = {};
    for (const [key, { value, etag }] of Object.entries(found)) {
      items[key] = { ...(value as object), eTag: etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes: Record<string, { value: unknown; etag?: string }> = {};
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      writes[key] = { value, ...(eTag ? { etag: eTag } : {}) };
    }
    const result = await this.state.write(writes);
    if (!result.ok) throw new Error(`Turn state was changed by another turn (${result.reason})`);
  }

  delete(keys: string[]): Promise<void> {
    return this.state.delete(keys);
  }
}
