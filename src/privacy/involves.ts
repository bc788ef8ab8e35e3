import type { Inquiry } from '../inquiries/inquiry';

/**
 * Whether one of these person keys is among the inquiry's people: asker, assignee, chain, the
 * people of its history and cards. A key that only appears in what someone wrote does not count.
 */
export function namesPerson(inquiry: Inquiry, personKeys: readonly string[]): boolean {
  const keys = new Set(personKeys);
  let found = false;
  JSON.stringify(inquiry, (field, value: unknown) => {
    if (
      !found &&
      typeof value === 'string' &&
      keys.has(value) &&
      field !== 'text' &&
      field !== 'note'
    )
      found = true;
    return value;
  });
  return found;
}
