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

/**
 * The store refused a request in a way no retry can change: the key or identity is not allowed
 * (401, 403), or the request itself is wrong (an invalid id, a document too large, a request the
 * client library would not send). A configuration or programming error, not an outage.
 */
export class StoreRefusedError extends Error {
  override readonly name = 'StoreRefusedError';

  constructor(
    message: string,
    /** Whether the credentials were refused or the request itself. */
    readonly refused: 'credentials' | 'request',
    /** The service's answer; undefined when the client refused the request before sending it. */
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
