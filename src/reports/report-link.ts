import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod/v4';
import { derivedKey } from '../links/signed-link';

// The signed link to a report's CSV: who asked, for which scope and period, in which language,
// and until when it works, signed with HMAC-SHA256 so that none of it can be changed.

/** The key report links are signed with, derived from the signing secret. */
export function reportLinkKey(signingSecret: string | Buffer): Buffer {
  return derivedKey(signingSecret, 'report-links');
}

/** How long a download link works after the card that carries it was made. */
export const reportLinkLifetimeMs = 60 * 60 * 1000;

/** The path of the download on the bot's own HTTP server. */
export const reportCsvPath = '/reports/csv';

export interface ReportLink {
  /** The requester's person key (their email). */
  requester: string;
  scope: string;
  from: string;
  to: string;
  locale: 'nb' | 'en';
  expiresAt: string;
}

const iso = z.iso.datetime();
const payload = z.object({
  requester: z.string().min(1).max(320),
  scope: z.string().min(1).max(21_000),
  from: iso,
  to: iso,
  locale: z.enum(['nb', 'en']),
  expiresAt: iso,
});

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function signature(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/** The token for a link: its content, then its signature. */
export function signReportLink(link: ReportLink, secret: Buffer): string {
  const body = base64url(JSON.stringify(link));
  return `${body}.${base64url(signature(secret, body))}`;
}

/** Why a link is refused: not a link at all, changed since it was signed, or too old. */
export type LinkRefusal = 'malformed' | 'tampered' | 'expired';

/** Reads a token back, checking its signature before anything in it is believed. */
export function verifyReportLink(
  token: string,
  secret: Buffer,
  now: Date,
): { ok: true; link: ReportLink } | { ok: false; reason: LinkRefusal } {
  const match = /^([A-Za-z0-9_-]{1,30000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, body, mac] = match;
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'tampered' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (new Date(parsed.data.expiresAt).getTime() <= now.getTime())
    return { ok: false, reason: 'expired' };
  return { ok: true, link: parsed.data };
}

/** The whole download address on the bot's public base URL. */
export function reportLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${reportCsvPath}?token=${token}`;
}
