/** The chat commands about people and roles: who to ask, and being away with a deputy. */
export type RoleCommand = 'who_to_ask' | 'away';

const phrases: Record<RoleCommand, readonly string[]> = {
  who_to_ask: [
    'kontakt',
    'kontakter',
    'kontaktpunkter',
    'hvem er superbruker',
    'hvem er superbrukeren',
    'hvem er superbrukeren min',
    'hvem er min superbruker',
    'hvem kan jeg spørre',
    'hvem spør jeg',
    'who to ask',
    'who do i ask',
    'who is my superuser',
    'contact',
    'contacts',
  ],
  away: ['borte', 'fravær', 'stedfortreder', 'away', 'deputy', 'out of office'],
};

/** Lower case, without punctuation, single spaces: "Hvem er superbruker?" → "hvem er superbruker". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The role command a message is, tolerant of case and punctuation; undefined for anything else. */
export function roleCommand(text: string): RoleCommand | undefined {
  const said = normalise(text);
  if (!said) return undefined;
  return (Object.keys(phrases) as RoleCommand[]).find((command) => phrases[command].includes(said));
}
