import type { Directory } from '../org/directory';
import { maySeeInquiry, searchScope } from '../routing/visibility';
import type { Store } from '../store/ports';
import type { Inquiry } from './inquiry';
import type { PersonRef } from './person';
import { searchWords } from './search-text';

/** Newest first; inquiries opened in the same millisecond by their number, the later first. */
function newestFirst(a: Inquiry, b: Inquiry): number {
  const sequence = (inquiry: Inquiry) => Number(inquiry.number.split('-')[2] ?? 0);
  return b.createdAt.localeCompare(a.createdAt) || sequence(b) - sequence(a);
}

/** The most matches a search reads; more are counted as "and more". */
export const maxSearchRead = 100;

export type SearchOutcome =
  | { ok: true; inquiries: Inquiry[]; truncated: boolean }
  | { ok: false; reason: 'not_allowed' | 'no_words' };

/**
 * A handler's search by words: the inquiries they may see whose number, question, answer or notes
 * hold every word, newest first. Someone who may search nothing is refused without a search.
 */
export async function searchInquiries(
  store: Store,
  directory: Directory,
  reader: Pick<PersonRef, 'key' | 'email'>,
  query: string,
): Promise<SearchOutcome> {
  const scope = searchScope(directory, reader);
  if (!scope) return { ok: false, reason: 'not_allowed' };
  const words = searchWords(query);
  if (words.length === 0) return { ok: false, reason: 'no_words' };
  const found = new Map<string, Inquiry>();
  let truncated = false;
  for (const part of scope) {
    const page = await store.inquiries.search({ words, scope: part }, maxSearchRead + 1);
    if (page.length > maxSearchRead) truncated = true;
    for (const inquiry of page.slice(0, maxSearchRead)) found.set(inquiry.id, inquiry);
  }
  const inquiries = [...found.values()]
    .filter((inquiry) => maySeeInquiry(directory, inquiry, reader))
    .sort(newestFirst);
  if (inquiries.length > maxSearchRead) truncated = true;
  return { ok: true, inquiries: inquiries.slice(0, maxSearchRead), truncated };
}
