import type { Inquiry, VendorCase } from '../inquiries/inquiry';
import type { PersonRef } from '../inquiries/person';

/** The subject line of the email to the vendor: number and the start of the question. */
export function vendorSubject(inquiry: Inquiry): string {
  const firstLine = inquiry.text.split('\n')[0].trim();
  const start = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  return `${inquiry.number}: ${start}`;
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
