import type { Clock } from '../../src/clock';
import type { Store } from '../../src/store/ports';

/**
 * Which inquiry the asker is adding to, for a while after they opened it or pressed "Legg til
 * informasjon": files and images they send in chat meanwhile go to it. Kept in the store's
 * key-value documents, so every instance of the bot knows it.
 */
const focusWindowMs = 30 * 60_000;

interface Focus {
  inquiryId: string;
  until: string;
}

const keyOf = (personKey: string) => `asker-focus/${personKey}`;

export async function setFocus(
  deps: { store: Store; clock: Clock },
  personKey: string,
  inquiryId: string,
): Promise<void> {
  const until = new Date(deps.clock.now().getTime() + focusWindowMs).toISOString();
  const value: Focus = { inquiryId, until };
  await deps.store.state.write({ [keyOf(personKey)]: { value } });
}

/** Forgets which inquiry these people were adding to (their erasure). */
export async function forgetFocus(store: Store, personKeys: readonly string[]): Promise<void> {
  await store.state.delete(personKeys.map(keyOf));
}

/** The inquiry the asker is adding to now, if the window is still open. */
export async function focusOf(
  deps: { store: Store; clock: Clock },
  personKey: string,
): Promise<string | undefined> {
  const key = keyOf(personKey);
  const stored = (await deps.store.state.read([key]))[key]?.value as Partial<Focus> | undefined;
  if (typeof stored?.inquiryId !== 'string' || typeof stored.until !== 'string') return undefined;
  return stored.until > deps.clock.now().toISOString() ? stored.inquiryId : undefined;
}
