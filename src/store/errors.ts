import { ConfigError } from '../config';

/**
 * The store did not answer, or kept refusing, after its client's own retries. What was stored
 * before is kept; the outcome of the failed call itself is unknown, so the person should try again.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}

/** The configured store cannot be used at start: unreachable, wrong key, or missing permissions. */
export class StoreConnectionError extends ConfigError {}
