import type { OrgSnapshot } from './directory';
import type { Organisation } from './schema';
import type { Store } from '../store/ports';

/** The stored organisation as a whole (structure and every person), with its snapshot. */
export async function currentOrganisation(
  store: Pick<Store, 'organisation'>,
): Promise<{ snapshot: OrgSnapshot; org: Organisation } | undefined> {
  const snapshot = await store.organisation.current();
  if (!snapshot) return undefined;
  const people = await store.organisation.allPeople();
  // Read after the people: a snapshot that moved meanwhile is read again by the caller's retry.
  return { snapshot, org: { ...snapshot.structure, people } };
}
