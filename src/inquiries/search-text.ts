import type { Inquiry } from './inquiry';

// What a handler's search by words looks in: an inquiry's number, question, answer, closing note,
// internal notes and the vendor's case number and reply, as one lower-case text that both stores
// keep beside the inquiry and match each word against.

/** Lower case, compatibility-normalised, spaces for anything that is not a letter or digit. */
function normalised(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim();
}

/** The text a search matches words against, stored with the inquiry on every write. */
export function searchTextOf(inquiry: Omit<Inquiry, 'etag'>): string {
  const notes = inquiry.history.flatMap((event) =>
    event.type === 'noted' && event.note ? [event.note] : [],
  );
  return normalised(
    [
      inquiry.number,
      inquiry.text,
      inquiry.answer?.text,
      inquiry.closingNote?.text,
      ...notes,
      inquiry.vendorCase?.caseNumber,
      inquiry.vendorCase?.reply?.text,
    ]
      .filter((part): part is string => !!part)
      .join(' '),
  );
}

/** The most words one search matches; more are left out. */
export const maxSearchWords = 8;

/**
 * The words of a search, as the stored text is written: lower case, each at least two characters,
 * each once, at most `maxSearchWords`. A LIKE wildcard cannot occur in them.
 */
export function searchWords(query: string): string[] {
  const words = normalised(query)
    .split(' ')
    .filter((word) => word.length >= 2);
  return [...new Set(words)].slice(0, maxSearchWords);
}
