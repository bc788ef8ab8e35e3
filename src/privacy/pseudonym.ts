import { createHmac } from 'node:crypto';

/** Turns a person key into a placeholder that stays the same for the same person. */
export type Pseudonymise = (key: string) => string;

const prefix = 'anon:';

/** Whether a person key is a placeholder already. */
export function isPseudonym(key: string): boolean {
  return key.startsWith(prefix);
}

/**
 * Placeholders keyed by a secret: the same person always gets the same one (so counts of askers
 * and handlers stay right), and without the secret nobody can tell whose it is, not even by
 * trying every address of the organisation.
 */
export function pseudonymiser(key: Buffer): Pseudonymise {
  return (personKey) =>
    isPseudonym(personKey)
      ? personKey
      : `${prefix}${createHmac('sha256', key).update(personKey).digest('base64url').slice(0, 22)}`;
}
