import type { PersonRef } from '../inquiries/person';

/** What stands in for a removed detail, so the text still reads. */
const removed = '…';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A question or answer made fit for everyone: the asker's name (whole, and each part of it),
 * email addresses, phone numbers and Norwegian national identity numbers are taken out. The
 * handler still reads the result before publishing it.
 */
export function withoutPersonalDetails(text: string, asker: PersonRef): string {
  const names = [asker.name, ...asker.name.split(/\s+/)]
    .map((n) => n.trim())
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length);
  let scrubbed = text
    .replace(/[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>().,;:!?]+/g, removed)
    .replace(/\b\d{6}\s?\d{5}\b/g, removed)
    .replace(/(?:\+47[\s-]?)?\b\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}\b/g, removed)
    .replace(/(?:\+47[\s-]?)?\b\d{3}[\s-]?\d{2}[\s-]?\d{3}\b/g, removed);
  for (const name of names) {
    scrubbed = scrubbed.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'giu'),
      removed,
    );
  }
  return scrubbed.replace(/…(?:\s*…)+/g, removed);
}
