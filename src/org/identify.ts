import { personRef, type PersonRef } from '../inquiries/person';
import type { Store } from '../store/ports';
import type { Directory } from './directory';

export interface TeamsIdentity {
  name: string;
  aadObjectId?: string;
  teamsId: string;
}

export type Identification =
  /** Listed in the organisation file, or remembered from an earlier choice of unit. */
  | { known: true; person: PersonRef; unitId: string }
  /** Not in the organisation; must pick a unit. */
  | { known: false; person: PersonRef };

/**
 * Finds who is writing: by Entra object id, then by email or UPN (looked up lazily, since it
 * costs a call to Teams), then by a unit they picked before.
 */
export async function identify(
  store: Store,
  directory: Directory,
  teams: TeamsIdentity,
  lookUpEmails: () => Promise<string[]>,
): Promise<Identification> {
  const ids = { aadObjectId: teams.aadObjectId, teamsId: teams.teamsId };
  // The people of the organisation the directory shows, without asking the store which that is.
  const generation = directory.snapshot.version;
  let person = teams.aadObjectId
    ? await store.organisation.personByAadObjectId(teams.aadObjectId, generation)
    : undefined;
  if (!person) {
    for (const email of await lookUpEmails()) {
      person = await store.organisation.personByEmail(email, generation);
      if (person) break;
    }
  }
  if (person && directory.unit(person.unit)) {
    return {
      known: true,
      person: personRef({ ...ids, name: person.name, email: person.email }),
      unitId: person.unit,
    };
  }
  const stranger = personRef({ ...ids, name: teams.name });
  const profile = await store.profiles.get(stranger.key);
  if (profile && directory.unit(profile.unitId)) {
    return { known: true, person: stranger, unitId: profile.unitId };
  }
  return { known: false, person: stranger };
}
