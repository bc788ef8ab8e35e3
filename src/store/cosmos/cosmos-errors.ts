import type { Logger } from '../../logger';
import { ErrorResponse, StatusCodes } from '@azure/cosmos';
import { StoreRefusedError, StoreUnavailableError } from '../errors';

/** The status the service answered with, when the error is its answer. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof ErrorResponse && typeof error.code === 'number' ? error.code : undefined;
}

/** Answers that mean "try later": throttling, a contended write, unavailability, timeouts. */
const transient = new Set<number>([
  StatusCodes.RequestTimeout,
  StatusCodes.TooManyRequests,
  StatusCodes.RetryWith,
  StatusCodes.InternalServerError,
  502, // bad gateway
  StatusCodes.ServiceUnavailable,
  504, // gateway timeout
]);

/** Answers no retry can change: the credentials, or the request itself. */
const refused = new Set<number>([
  StatusCodes.Unauthorized,
  StatusCodes.Forbidden,
  StatusCodes.BadRequest,
  StatusCodes.RequestEntityTooLarge,
]);

const refusedCredentials =
  "the key or identity is not allowed: check COSMOS_KEY, the identity's data-plane role and the account's firewall";
const refusedRequest = 'the request is invalid: a programming error';

/**
 * Turns an SDK failure into one that says what failed and what kind of failure it is: the service
 * kept answering "later" or could not be reached (`StoreUnavailableError`); it refused the
 * credentials or the request, or the SDK refused the request before sending it
 * (`StoreRefusedError`: it needs a person, see `logRefusals`); anything else is an unexpected
 * answer.
 */
export function explain(what: string, error: unknown): Error {
  const status = statusOf(error);
  const reason = messageOf(error).split('\n')[0];
  const message = `Cosmos DB ${what} failed (${status ?? 'no answer'}): ${reason}`;
  if (status !== undefined && transient.has(status))
    return new StoreUnavailableError(message, { cause: error });
  if ((status !== undefined && refused.has(status)) || isSdkValidation(error)) {
    const credentials = status === StatusCodes.Unauthorized || status === StatusCodes.Forbidden;
    return new StoreRefusedError(
      `${message} (${credentials ? refusedCredentials : refusedRequest})`,
      credentials ? 'credentials' : 'request',
      status,
      { cause: error },
    );
  }
  if (status !== undefined) return new Error(message, { cause: error });
  return new StoreUnavailableError(message, { cause: error });
}

/**
 * The SDK checks some requests before sending them (an id with illegal characters, say) and
 * throws a plain object with a message, not an `Error`.
 */
function isSdkValidation(error: unknown): boolean {
  return (
    !(error instanceof Error) &&
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

/**
 * The store with every refusal logged at error level as it passes, so that a wrong key, a missing
 * role or an invalid request is seen at once, whoever called the store and whatever they do with
 * the error.
 */
export function logRefusals<T extends object>(repository: T, logger: Logger, name: string): T {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return async (...args: unknown[]) => {
        try {
          return await method.apply(target, args);
        } catch (error) {
          if (error instanceof StoreRefusedError)
            // The message names documents, which may derive from people's keys: not logged.
            logger.error(
              {
                operation: `${name}.${String(property)}`,
                status: error.status ?? 'refused by the client',
              },
              `Cosmos DB refused a request: ${error.refused === 'credentials' ? refusedCredentials : refusedRequest}. Retrying will not help.`,
            );
          throw error;
        }
      };
    },
  });
}
