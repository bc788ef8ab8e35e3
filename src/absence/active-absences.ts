import type { Inquiry } from '../inquiries/inquiry';
import { chainMembers, withAbsences } from '../routing/chain';
import type { Store } from '../store/ports';
import { isAwayAt, type Absence } from './absence';

/** The absences in force at `now` of the given people, by person key. */
export async function activeAbsences(
  store: Pick<Store, 'absences'>,
  keys: readonly string[],
  now: Date,
): Promise<Map<string, Absence>> {
  const found = await store.absences.forRouting([...new Set(keys)]);
  return new Map(found.filter((a) => isAwayAt(a, now)).map((a) => [a.key, a]));
}

/**
 * The inquiry with who is away in its chain brought up to date at `now`: someone back from an
 * absence is told again, and a deputy stands in for someone who has gone away since it opened.
 */
export async function withCurrentAbsences(
  store: Pick<Store, 'absences'>,
  inquiry: Inquiry,
  now: Date,
): Promise<Inquiry> {
  const keys = chainMembers(inquiry.chain).map((m) => m.key);
  const absences = await activeAbsences(store, keys, now);
  return { ...inquiry, chain: withAbsences(inquiry.chain, absences, inquiry.asker.key) };
}
