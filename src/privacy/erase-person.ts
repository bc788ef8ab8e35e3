import type { Inquiry } from '../inquiries/inquiry';
import type { Store } from '../store/ports';
import { entryNames, type PersonIdentity } from './person-data';
import type { Pseudonymise } from './pseudonym';
import { redactInquiry } from './redact';
import { forgetSolvedText } from './retention';

/** What an erasure changed. */
export interface ErasureResult {
  /** Inquiries they asked: text and people removed, figures kept. */
  asked: number;
  /** Inquiries they handled or were in the chain of: their name and address removed. */
  handled: number;
  /** Inquiries that changed under every attempt: erase again to finish them. */
  notChanged: number;
  drafts: number;
  profile: boolean;
  absence: boolean;
  notifications: number;
  knowledgeEntries: number;
  selfServed: number;
}

/** What marks the person in a stored document: their keys, names and addresses. */
interface Marks {
  keys: ReadonlySet<string>;
  /** Names and addresses to cut out of any text, longest first. */
  words: readonly string[];
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The value with the person taken out: every reference to them (an object whose `key` is theirs)
 * becomes the placeholder without a name, every string that is one of their keys the placeholder,
 * and their names and addresses are cut out of any other text.
 */
export function withoutPerson<T>(value: T, marks: Marks, pseudonymise: Pseudonymise): T {
  const pattern = marks.words.length
    ? new RegExp(marks.words.map(escape).join('|'), 'giu')
    : undefined;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      if (marks.keys.has(node)) return pseudonymise(node);
      return pattern ? node.replace(pattern, '') : node;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const key = record.key;
      if (typeof key === 'string' && marks.keys.has(key)) {
        const { key: _k, name: _n, email: _e, aadObjectId: _a, teamsId: _t, ...rest } = record;
        return { ...(walk(rest) as object), key: pseudonymise(key), name: '' };
      }
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };
  return walk(value) as T;
}

function namesIn(inquiries: readonly Inquiry[], keys: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  JSON.stringify(inquiries, (_field, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const { key, name } = value as { key?: unknown; name?: unknown };
      if (typeof key === 'string' && keys.has(key) && typeof name === 'string') names.add(name);
    }
    return value;
  });
  return [...names];
}

/** The inquiry with the person erased: all of it if they asked it, else just them. */
function erased(inquiry: Inquiry, marks: Marks, pseudonymise: Pseudonymise, at: string): Inquiry {
  if (marks.keys.has(inquiry.asker.key)) return redactInquiry(inquiry, pseudonymise, at);
  return { ...withoutPerson(inquiry, marks, pseudonymise), etag: inquiry.etag };
}

/**
 * Erases one person from the store: inquiries they asked keep only their figures, in those they
 * handled their name and address go; their drafts, profile, absence, 1:1 conversation, finished
 * notifications about them and their self-served questions' key go or become a placeholder. The
 * organisation file is not changed: an admin edits it separately.
 */
export async function erasePerson(
  store: Store,
  identity: PersonIdentity,
  pseudonymise: Pseudonymise,
  now: Date,
): Promise<ErasureResult> {
  const keys = new Set(identity.keys);
  const at = now.toISOString();
  const inquiries = await store.inquiries.involving(identity.keys);
  const profiles = await Promise.all(identity.keys.map((key) => store.profiles.get(key)));
  const absences = await Promise.all(identity.keys.map((key) => store.absences.get(key)));
  const words = new Set<string>([...identity.keys, ...namesIn(inquiries, keys)]);
  if (identity.email) words.add(identity.email);
  if (identity.organisation) words.add(identity.organisation.name);
  if (identity.aadObjectId) words.add(identity.aadObjectId);
  for (const found of [...profiles, ...absences]) if (found?.name) words.add(found.name);
  const marks: Marks = {
    keys,
    words: [...words].filter((w) => w.trim().length >= 3).sort((a, b) => b.length - a.length),
  };

  const result: ErasureResult = {
    asked: 0,
    handled: 0,
    notChanged: 0,
    drafts: 0,
    profile: profiles.some(Boolean),
    absence: absences.some(Boolean),
    notifications: 0,
    knowledgeEntries: 0,
    selfServed: 0,
  };
  for (const found of inquiries) {
    const asked = keys.has(found.asker.key);
    if (asked) await forgetSolvedText(store, found.id);
    let current: Inquiry | undefined = found;
    let done = false;
    for (let attempt = 0; attempt < 3 && current && !done; attempt++) {
      const written = await store.inquiries.scrub(erased(current, marks, pseudonymise, at));
      done = written.ok;
      if (!done) current = await store.inquiries.get(found.id);
    }
    if (!done) result.notChanged++;
    else if (asked) result.asked++;
    else result.handled++;
  }
  for (const entry of await store.knowledge.entries()) {
    if (!entryNames(entry, identity.keys)) continue;
    const written = await store.knowledge.putEntry({
      ...withoutPerson(entry, marks, pseudonymise),
      etag: entry.etag,
    });
    if (written.ok) result.knowledgeEntries++;
  }
  for (const key of identity.keys) {
    result.selfServed += await store.knowledge.reassignSelfServed(key, pseudonymise(key));
    const drafts = await store.drafts.byAsker(key, 1000);
    for (const draft of drafts) await store.drafts.erase(draft.id);
    result.drafts += drafts.length;
    await store.profiles.remove(key);
    await store.absences.remove(key);
    await store.conversations.forgetPerson(key);
  }
  result.notifications = await store.outbox.removeFinishedAbout(
    inquiries.map((inquiry) => inquiry.id),
    identity.keys,
  );
  await store.purgeRemoved();
  return result;
}
