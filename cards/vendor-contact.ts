import { messages, type Locale } from '../src/i18n';
import type { Inquiry } from '../src/inquiries/inquiry';
import { expandTemplate } from './render';
import template from './vendor-contact.json';

/** The vendor's address and the subject to write, as text beside the email button. */
export interface VendorContactData {
  heading: string;
  email: string;
  subject: string;
  hint: string;
  labels: { address: string; subject: string };
}

/**
 * At the vendor level: whom to write to and with which subject, as text a handler can copy, since
 * some Teams clients do not open a `mailto:` link.
 */
export function vendorContactData(inquiry: Inquiry, locale: Locale): VendorContactData | undefined {
  const vendorCase = inquiry.vendorCase;
  if (inquiry.level !== 'vendor' || !vendorCase) return undefined;
  const t = messages(locale).vendorContact;
  return {
    heading: t.heading(vendorCase.vendor.name),
    email: vendorCase.vendor.email,
    subject: vendorCase.subject,
    hint: t.hint,
    labels: { address: t.address, subject: t.subject },
  };
}

/** The card element that shows the vendor's address and the subject. */
export function renderVendorContact(data: VendorContactData): unknown {
  return expandTemplate(template, data);
}
