import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers every webhook request carries (docs/webhook.md). */
export const webhookHeaders = {
  /** `sha256=<hex>`: HMAC-SHA256 with the shared secret over `<timestamp>.<body>`. */
  signature: 'x-qm-hjelp-signature',
  /** Unix time in seconds when the request was signed. */
  timestamp: 'x-qm-hjelp-timestamp',
  /** The same for every attempt to deliver one event to one URL: a receiver's key to deduplicate. */
  delivery: 'x-qm-hjelp-delivery',
  /** The event's type, to route a request before its body is read. */
  event: 'x-qm-hjelp-event',
} as const;

/** How old a signed timestamp a receiver accepts by default, in seconds. */
export const defaultToleranceSeconds = 300;

function hmac(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The timestamp and signature headers' values for a body sent at `now`. */
export function signWebhook(
  secret: string,
  body: string,
  now: Date,
): { timestamp: string; signature: string } {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { timestamp, signature: `sha256=${hmac(secret, timestamp, body)}` };
}

export type WebhookVerification =
  { ok: true } | { ok: false; reason: 'malformed' | 'bad_signature' | 'stale' };

/**
 * What a receiver does with a request, before it reads the body as JSON: the signature must be
 * the HMAC of `<timestamp>.<raw body>` (compared in constant time), and the timestamp within
 * `toleranceSeconds` of the receiver's clock, so a request captured and sent again later is
 * refused. Give the raw body exactly as received, not re-serialised JSON.
 */
export function verifyWebhook(request: {
  secret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  now: Date;
  toleranceSeconds?: number;
}): WebhookVerification {
  const { timestamp, signature } = request;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature?.startsWith('sha256='))
    return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(hmac(request.secret, timestamp, request.body), 'hex');
  const given = Buffer.from(signature.slice('sha256='.length), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  const age = Math.abs(request.now.getTime() / 1000 - Number(timestamp));
  if (age > (request.toleranceSeconds ?? defaultToleranceSeconds))
    return { ok: false, reason: 'stale' };
  return { ok: true };
}
