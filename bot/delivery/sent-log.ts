import type { StateRepository } from '../../src/store/ports';
import { statusOf } from './errors';

/**
 * The sends of one outbox item: those Teams has accepted (a thread reply, a 1:1 message to each
 * person), kept in the store so that a retry, or another instance taking the item over, repeats
 * none of them; and those tried without an answer, so that a repeat of one is known for what it
 * is. Teams takes no id from the sender that would make a post idempotent, so a post that timed
 * out, failed with a 5xx or was cut short by a crash may have reached Teams all the same.
 */
export interface SentLog {
  has(send: string): Promise<boolean>;
  record(send: string): Promise<void>;
  /**
   * Notes that `send` is about to be tried; true when an earlier try ended without an answer
   * that says whether Teams acted on it.
   */
  attempt(send: string): Promise<boolean>;
  /** Forgets a try that Teams answered with a refusal (nothing was posted). */
  forget(send: string): Promise<void>;
  /** Forgets the item's sends once the item is done. */
  clear(): Promise<void>;
}

/**
 * The sent log of outbox item `itemId`, in the store's key-value documents. `onRepeat` hears of
 * each send tried again after a try whose outcome is unknown.
 */
export function sentLogOf(
  state: StateRepository,
  itemId: number,
  onRepeat: (send: string) => void = () => undefined,
): SentLog {
  const keyOf = (send: string) => `outbox-sent/${itemId}/${send}`;
  const triedKeyOf = (send: string) => `outbox-tried/${itemId}/${send}`;
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
    async attempt(send) {
      const key = triedKeyOf(send);
      const tried = key in (await state.read([key]));
      const written = await state.write({ [key]: { value: { tried: true } } });
      if (!written.ok) throw new Error(`The try of ${send} could not be noted (${written.reason})`);
      known.add(key);
      if (tried) onRepeat(send);
      return tried;
    },
    async forget(send) {
      const key = triedKeyOf(send);
      await state.delete([key]);
      known.delete(key);
    },
    async clear() {
      if (known.size > 0) await state.delete([...known]);
    },
  };
}

/**
 * Runs a send that may create a message in Teams, noting the try first: a repeat after a try
 * that got no clear answer is reported by the log; a try Teams refused (4xx: nothing posted) is
 * forgotten, so trying it again is no repeat.
 */
export async function attempted<T>(
  log: SentLog | undefined,
  send: string,
  work: () => Promise<T>,
): Promise<T> {
  await log?.attempt(send);
  try {
    return await work();
  } catch (error) {
    const status = statusOf(error);
    if (log && status !== undefined && status >= 400 && status < 500) await log.forget(send);
    throw error;
  }
}

/** Sends `send` unless the log says it was sent already; records it once Teams accepts it. */
export async function sendOnce<T>(
  log: SentLog | undefined,
  send: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  if (log && (await log.has(send))) return undefined;
  const result = await attempted(log, send, work);
  await log?.record(send);
  return result;
}
