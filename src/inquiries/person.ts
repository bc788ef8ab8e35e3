/** How an inquiry refers to a person: stable key plus what Teams needs to reach and mention them. */
export interface PersonRef {
  /** Stable identity: lower-case email when known, else `aad:<objectId>` or `teams:<id>`. */
  key: string;
  name: string;
  email?: string;
  aadObjectId?: string;
  teamsId?: string;
}

export function personKey(ids: { email?: string; aadObjectId?: string; teamsId?: string }): string {
  if (ids.email) return ids.email.toLowerCase();
  if (ids.aadObjectId) return `aad:${ids.aadObjectId}`;
  if (ids.teamsId) return `teams:${ids.teamsId}`;
  throw new Error('A person needs an email, an Entra object id or a Teams id');
}

export function personRef(ids: {
  name: string;
  email?: string;
  aadObjectId?: string;
  teamsId?: string;
}): PersonRef {
  const ref: PersonRef = { key: personKey(ids), name: ids.name };
  if (ids.email) ref.email = ids.email.toLowerCase();
  if (ids.aadObjectId) ref.aadObjectId = ids.aadObjectId;
  if (ids.teamsId) ref.teamsId = ids.teamsId;
  return ref;
}
