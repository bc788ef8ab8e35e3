import type { Inquiry, VendorCase } from '../inquiries/inquiry';
import type { PersonRef } from '../inquiries/person';
import { shorten, wellFormed } from '../text';

/** The subject line of the email to the vendor: number and the start of the question. */
export function vendorSubject(inquiry: Inquiry): string {
  const firstLine = inquiry.text.split('\n')[0].trim();
  return `${inquiry.number}: ${shorten(wellFormed(firstLine), 80)}`;
}

/** The vendor case recorded when an inquiry reaches the vendor level. */
export function vendorCase(inquiry: Inquiry, at: string, by?: PersonRef): VendorCase {
  return {
    at,
    ...(by ? { by: { key: by.key, name: by.name } } : {}),
    vendor: { ...inquiry.chain.vendor },
    subject: vendorSubject(inquiry),
  };
}
