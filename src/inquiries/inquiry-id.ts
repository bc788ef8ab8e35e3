import { createHash } from 'node:crypto';

/**
 * The id of the inquiry a request opens, derived from its request key: a repeat of the request
 * (Teams delivering a message again, two instances taking the same one) names the same inquiry, so
 * a store refuses the second create by its id alone. Shaped as a UUID (RFC 9562 version 8).
 */
export function inquiryIdFor(requestKey: string): string {
  const bytes = createHash('sha256').update(`qm-inquiry:${requestKey}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
