import type { Absence } from '../absence/absence';
import type { Inquiry } from '../inquiries/inquiry';
import type { KnowledgeEntry, SelfServed, SolvedInquiry } from '../knowledge/entry';
import type { Directory } from '../org/directory';
import type { Person } from '../org/schema';
import type { Draft, Profile, Store } from '../store/ports';

/** Who an export or erasure is about: every key the store may know them by. */
export interface PersonIdentity {
  /** How the admin named them: an email address or an Entra object id, in lower case. */
  label: string;
  email?: string;
  /** The lower-case email, and `aad:<object id>` when known. */
  keys: string[];
  aadObjectId?: string;
  /** What the organisation file lists for them; it is not changed by an erasure. */
  organisation?: Person;
}

/** How many drafts of one person an export or erasure reads at most. */
const draftLimit = 1000;

const objectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person an email address or Entra object id names. Someone the organisation lists is known
 * by both; someone it does not list is stored under their Entra object id (`aad:<id>`), which is
 * how an admin names them.
 */
export function identify(emailOrObjectId: string, directory: Directory): PersonIdentity {
  const label = emailOrObjectId.trim().toLowerCase();
  const byId = objectId.test(label);
  const person = byId ? directory.staffByAadObjectId(label) : directory.staffMember(label);
  const email = byId ? person?.email.toLowerCase() : label;
  const aadObjectId = byId ? label : person?.aadObjectId?.toLowerCase();
  const keys = [...(email ? [email] : []), ...(aadObjectId ? [`aad:${aadObjectId}`] : [])];
  return {
    label,
    keys,
    ...(email ? { email } : {}),
    ...(aadObjectId ? { aadObjectId } : {}),
    ...(person ? { organisation: person } : {}),
  };
}

/** Everything the store holds about one person, as an export gives it. */
export interface PersonExport {
  exportedAt: string;
  person: { email?: string; aadObjectId?: string; keys: string[]; organisation?: Person };
  profile?: Omit<Profile, 'etag'>;
  absence?: Omit<Absence, 'etag'>;
  drafts: Draft[];
  /** Inquiries they asked, with their whole history. */
  asked: Omit<Inquiry, 'etag'>[];
  /** Inquiries they handled or were in the chain of, with their whole history. */
  handled: Omit<Inquiry, 'etag'>[];
  /** The knowledge base's record of their solved inquiries' questions and answers. */
  solved: SolvedInquiry[];
  /** Knowledge-base entries they published or changed. */
  knowledgeEntries: Omit<KnowledgeEntry, 'etag'>[];
  /** Questions of theirs a knowledge-base entry answered. */
  selfServed: SelfServed[];
  /** Whether the bot keeps a way to write to them in Teams (the reference itself is technical). */
  teams: { personalChat: boolean; teamsUserId: boolean };
}

function withoutEtag<T extends { etag?: string }>(item: T): Omit<T, 'etag'> {
  const { etag: _etag, ...rest } = item;
  return rest;
}

export function entryNames(entry: KnowledgeEntry, keys: readonly string[]): boolean {
  const source = entry.source.kind === 'inquiry' ? entry.source.by.key : undefined;
  return (
    (source !== undefined && keys.includes(source)) ||
    (entry.updatedBy !== undefined && keys.includes(entry.updatedBy.key))
  );
}

/** Collects what the store holds about the person. */
export async function exportPerson(
  store: Store,
  identity: PersonIdentity,
  now: Date,
): Promise<PersonExport> {
  const { keys } = identity;
  const inquiries = await store.inquiries.involving(keys);
  const asked = inquiries.filter((inquiry) => keys.includes(inquiry.asker.key));
  const handled = inquiries.filter((inquiry) => !keys.includes(inquiry.asker.key));
  const perKey = async <T>(read: (key: string) => Promise<T | undefined>): Promise<T[]> =>
    (await Promise.all(keys.map(read))).filter((found): found is Awaited<T> => !!found);
  const profiles = await perKey((key) => store.profiles.get(key));
  const absences = await perKey((key) => store.absences.get(key));
  const drafts = (
    await Promise.all(keys.map((key) => store.drafts.byAsker(key, draftLimit)))
  ).flat();
  const solved = await Promise.all(asked.map((inquiry) => store.knowledge.solved(inquiry.id)));
  const entries = (await store.knowledge.entries()).filter((entry) => entryNames(entry, keys));
  const selfServed = (
    await Promise.all(keys.map((key) => store.knowledge.selfServedBy(key)))
  ).flat();
  const chats = await perKey((key) => store.conversations.personal(key));
  const teamsIds = await perKey((key) => store.conversations.teamsUserId(key));
  return {
    exportedAt: now.toISOString(),
    person: {
      ...(identity.email ? { email: identity.email } : {}),
      ...(identity.aadObjectId ? { aadObjectId: identity.aadObjectId } : {}),
      keys,
      ...(identity.organisation ? { organisation: identity.organisation } : {}),
    },
    ...(profiles[0] ? { profile: withoutEtag(profiles[0]) } : {}),
    ...(absences[0] ? { absence: withoutEtag(absences[0]) } : {}),
    drafts,
    asked: asked.map(withoutEtag),
    handled: handled.map(withoutEtag),
    solved: solved.filter((s): s is SolvedInquiry => s !== undefined),
    knowledgeEntries: entries.map(withoutEtag),
    selfServed,
    teams: { personalChat: chats.length > 0, teamsUserId: teamsIds.length > 0 },
  };
}
