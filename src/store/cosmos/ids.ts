import { createHash } from 'node:crypto';

/** The longest id Cosmos DB accepts, in UTF-8 bytes. */
const maxIdBytes = 1023;

/**
 * A document id from a kind and values, made only of characters that are safe in every part of
 * Cosmos DB (letters, digits, `-`, `_`, `.`): each value is written in base64url and `.` separates
 * the parts, so no value can be mistaken for another. An id that would be longer than the service
 * allows becomes `<kind>.h.<sha256 of the values>`; a base64url value is never one character
 * long, so `h` cannot be a value.
 */
export function docId(kind: string, ...parts: string[]): string {
  const id = [kind, ...parts.map(base64url)].join('.');
  if (Buffer.byteLength(id) <= maxIdBytes) return id;
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:${part}`);
  return `${kind}.h.${hash.digest('base64url')}`;
}

function base64url(value: string): string {
  // An empty value still takes a place, so that ('a', '') and ('a') differ.
  return value === '' ? '-' : Buffer.from(value, 'utf8').toString('base64url');
}

/** Ids of the earlier scheme (`kind|percent-encoded values`) contain `|`; the current one never. */
export function isEarlierSchemeId(id: string): boolean {
  return id.includes('|');
}
