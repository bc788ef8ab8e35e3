import type { StateRepository } from '../../src/store/ports';

/**
 * The sends of one outbox item that Teams has accepted (a thread reply, a 1:1 message to each
 * person), kept in the store so that a retry, or another instance taking the item over, repeats
 * none of them.
 */
export interface SentLog {
  has(send: string): Promise<boolean>;
  record(send: string): Promise<void>;
  /** Forgets the item's sends once the item is done. */
  clear(): Promise<void>;
}

/** The sent log of outbox item `itemId`, in the store's key-value documents. */
export function sentLogOf(state: StateRepository, itemId: number): SentLog {
  const keyOf = (send: string) => `outbox-sent/${itemId}/${send}`;
  const known = new Set<string>();
  return {
    async has(send) {
      const key = keyOf(send);
      const found = key in (await state.read([key]));
      if (found) known.add(key);
      return found;
    },
    async record(send) {
      const key = keyOf(send);
      const written = await state.write({ [key]: { value: { sent: true } } });
      if (!written.ok)
        throw new Error(`The send ${send} could not be recorded (${written.reason})`);
      known.add(key);
    },
    async clear() {
      if (known.size > 0) await state.delete([...known]);
    },
  };
}

/** Sends `send` unless the log says it was sent already; records it once Teams accepts it. */
export async function sendOnce<T>(
  log: SentLog | undefined,
  send: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  if (log && (await log.has(send))) return undefined;
  const result = await work();
  await log?.record(send);
  return result;
}
