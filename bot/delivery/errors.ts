/** A failure that trying again will not fix (the app is not installed for the person, say). */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** Teams cannot be reached yet (no service URL seen); the outbox tries again later. */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
}

/**
 * A connector call that did not answer within its time. Teams may or may not have acted on it, so
 * it is retried like a 5xx: later, with backoff.
 */
export class ConnectorTimeoutError extends Error {
  override readonly name = 'ConnectorTimeoutError';
}

/** HTTP status of a connector error, when it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Statuses Teams asks a bot to try again after: a timeout, 412 Precondition Failed (a conflict
 * inside Teams) and 429 Too Many Requests. 5xx (502, 504 among them) are retried too.
 */
const transientClientErrors = new Set([408, 412, 429]);

/** 4xx other than 408, 412 and 429: the request itself is refused, and will be again. */
export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentDeliveryError) return true;
  const status = statusOf(error);
  return (
    status !== undefined && status >= 400 && status < 500 && !transientClientErrors.has(status)
  );
}

/**
 * 400 Bad Request or 413 Request Entity Too Large on a message: Teams refuses the message itself,
 * so another recipient would refuse it too.
 */
export function isMessageRefused(error: unknown): boolean {
  const status = statusOf(error);
  return status === 400 || status === 413;
}

/**
 * 403 or 404 on a stored 1:1 chat: the chat is gone (deleted, the bot blocked or removed), and a
 * new one must be started.
 */
export function isConversationGone(error: unknown): boolean {
  const status = statusOf(error);
  return status === 403 || status === 404;
}
