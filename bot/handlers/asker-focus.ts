import type { Clock } from '../../src/clock';
import type { Store } from '../../src/store/ports';

/**
 * Which inquiry the asker is adding to, for a while after they opened it or pressed "Legg til
 * informasjon": files and images they send in chat meanwhile go to it. The newest inquiry is known
 * from the store; a press is kept in the store's key-value documents, so every instance knows it.
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

/**
 * The inquiry the asker is adding to now: of the one they last pressed "Legg til informasjon" on
 * and the one they last opened themselves, whichever came later, while its window is open.
 */
export async function focusOf(
  deps: { store: Store; clock: Clock },
  personKey: string,
): Promise<string | undefined> {
  const key = keyOf(personKey);
  const [read, [newest]] = await Promise.all([
    deps.store.state.read([key]),
    deps.store.inquiries.listByAsker(personKey, 1),
  ]);
  const opensAfter = new Date(deps.clock.now().getTime() - focusWindowMs).toISOString();
  const focused: { inquiryId: string; since: string }[] = [];
  const pressed = read[key]?.value as Partial<Focus> | undefined;
  if (typeof pressed?.inquiryId === 'string' && typeof pressed.until === 'string') {
    const since = new Date(new Date(pressed.until).getTime() - focusWindowMs).toISOString();
    focused.push({ inquiryId: pressed.inquiryId, since });
  }
  // One the helpdesk registered for them is theirs to follow, not what they were just adding to.
  if (newest && !newest.intake) focused.push({ inquiryId: newest.id, since: newest.createdAt });
  const latest = focused
    .filter((f) => f.since > opensAfter)
    .sort((a, b) => b.since.localeCompare(a.since))[0];
  return latest?.inquiryId;
}
