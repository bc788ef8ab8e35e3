import { derivedKey } from '../links/signed-link';
import { pseudonymiser, type Pseudonymise } from './pseudonym';

/** The keys privacy work signs and pseudonymises with, and where signed links point. */
export interface PrivacyKeys {
  /** Signs export links and erasure confirmations. */
  linkKey: Buffer;
  pseudonymise: Pseudonymise;
  /** The bot server's address as browsers reach it, without a trailing slash. */
  publicUrl: () => string;
}

/**
 * Keys derived from the signing secret (or, without one, the random secret of this process: its
 * links end with it, and its placeholders are its own), one per use.
 */
export function privacyKeys(root: string | Buffer, publicUrl: () => string): PrivacyKeys {
  return {
    linkKey: derivedKey(root, 'privacy-links'),
    pseudonymise: pseudonymiser(derivedKey(root, 'pseudonyms')),
    publicUrl,
  };
}

/**
 * How the log names a person: a keyed placeholder derived from the signing secret for the log
 * alone, the same for the same person on every instance, never their address.
 */
export function logPseudonymiser(root: string | Buffer): Pseudonymise {
  return pseudonymiser(derivedKey(root, 'log-pseudonyms'));
}
