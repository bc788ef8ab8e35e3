import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

// Signed, expiring links to the bot's own HTTP server: what a link is for (its purpose), what it
// names (its subject), until when it works, and an HMAC-SHA256 over all three. A link is read
// back only for the purpose it was made for, so a link made for one download never opens another.

/** What a signed link carries besides its signature. */
export interface LinkClaims {
  /** What the link is for, such as `privacy-export`; checked on the way back. */
  purpose: string;
  /** What it names, such as an export's id; opaque to this module. */
  subject: string;
  /** Until when it works: an instant in milliseconds since the epoch. */
  expiresAt: number;
}

export type LinkCheck =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'wrong_purpose' | 'expired' };

/** The query parameters of a signed link, in the order they are written. */
export interface SignedQuery {
  p: string;
  s: string;
  e: string;
  sig: string;
}

function signature(key: Buffer, claims: LinkClaims): string {
  return createHmac('sha256', key)
    .update(`${claims.purpose}\n${claims.subject}\n${claims.expiresAt}`)
    .digest('base64url');
}

/** Signs the claims: the query parameters that go on the link. */
export function signLink(key: Buffer, claims: LinkClaims): SignedQuery {
  return {
    p: claims.purpose,
    s: claims.subject,
    e: String(claims.expiresAt),
    sig: signature(key, claims),
  };
}

/** The query string of a signed link (without the leading `?`). */
export function signedQueryString(key: Buffer, claims: LinkClaims): string {
  return new URLSearchParams({ ...signLink(key, claims) }).toString();
}

/**
 * Checks a link's query parameters: the signature over what it claims, the purpose it must have,
 * and its expiry at `now`. Anything missing or altered is refused.
 */
export function verifyLink(
  key: Buffer,
  query: Partial<Record<keyof SignedQuery, unknown>>,
  purpose: string,
  now: Date,
): LinkCheck {
  const { p, s, e, sig } = query;
  if (typeof p !== 'string' || typeof s !== 'string' || typeof e !== 'string')
    return { ok: false, reason: 'malformed' };
  if (typeof sig !== 'string' || !/^\d{1,15}$/.test(e)) return { ok: false, reason: 'malformed' };
  const claims: LinkClaims = { purpose: p, subject: s, expiresAt: Number(e) };
  const expected = Buffer.from(signature(key, claims));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  if (claims.purpose !== purpose) return { ok: false, reason: 'wrong_purpose' };
  if (now.getTime() >= claims.expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** A key for one use derived from the signing secret, so one secret serves several purposes. */
export function derivedKey(secret: string | Buffer, use: string): Buffer {
  return createHmac('sha256', secret).update(`qm-hjelp:${use}`).digest();
}

/**
 * A subject the link carries sealed (AES-256-GCM under `key`), for what must not be readable in
 * an address bar, a browser's history or a proxy's log, such as whose data a link downloads.
 * Nothing needs to be stored to open it again.
 */
export function sealSubject(key: Buffer, subject: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(subject, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The subject `sealSubject` sealed, or undefined when it was not sealed under this key. */
export function openSubject(key: Buffer, sealed: string): string | undefined {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 29) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    // A subject sealed under another key, or altered: not one of ours.
    return undefined;
  }
}
