/** A failure that trying again will not fix (the app is not installed for the person, say). */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** Teams cannot be reached yet (no service URL seen); the outbox tries again later. */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
}

/** HTTP status of a connector error, when it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** 4xx other than 408 and 429: the request itself is refused, and will be again. */
export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentDeliveryError) return true;
  const status = statusOf(error);
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}
