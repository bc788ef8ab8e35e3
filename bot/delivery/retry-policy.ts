import { isPermanent, statusOf } from './errors';

export interface RetryPolicy {
  /** Give up after this many attempts. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 12,
  baseDelayMs: 1000,
  maxDelayMs: 10 * 60 * 1000,
};

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(error: unknown, now: Date): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => unknown } } })
    .response?.headers;
  const value = headers?.get?.('retry-after');
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * When to try a failed send again: as Teams says on 429, with exponential backoff and jitter on
 * 5xx and network faults, never for a refused request.
 */
export function nextRetry(
  policy: RetryPolicy,
  error: unknown,
  attempts: number,
  now: Date,
  random: () => number = Math.random,
): RetryDecision {
  if (isPermanent(error) || attempts >= policy.maxAttempts) return { retry: false };
  const told = statusOf(error) === 429 ? retryAfterMs(error, now) : undefined;
  if (told !== undefined) return { retry: true, delayMs: Math.min(told, policy.maxDelayMs) };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
  return { retry: true, delayMs: Math.round(ceiling / 2 + (random() * ceiling) / 2) };
}
