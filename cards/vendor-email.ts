import { messages, type Locale } from '../src/i18n';
import type { Inquiry } from '../src/inquiries/inquiry';
import type { Directory } from '../src/org/directory';
import { shorten, wellFormed } from '../src/text';
import { topicName, unitName } from './inquiry-lines';

/**
 * A mailto link to the vendor with subject and body written out: the number, unit, topic, the
 * question and who sends it. The question is shortened so the link stays within what mail
 * programs accept.
 */
export function vendorEmailLink(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
): string | undefined {
  const vendorCase = inquiry.vendorCase;
  if (!vendorCase) return undefined;
  const t = messages(locale);
  const question = shorten(inquiry.text, 1500);
  const sender = inquiry.assignee?.name ?? vendorCase.by?.name;
  const body = [
    t.vendorEmail.greeting,
    '',
    t.vendorEmail.intro,
    '',
    `${t.card.number}: ${inquiry.number}`,
    `${t.card.unit}: ${unitName(inquiry, directory)}`,
    `${t.card.topic}: ${topicName(inquiry, directory, locale)}`,
    `${t.card.sent}: ${t.dateTime(new Date(inquiry.createdAt), directory.timeZone)}`,
    '',
    `${t.card.question}:`,
    question,
    '',
    t.vendorEmail.closing,
    ...(sender ? [sender] : []),
  ].join('\r\n');
  // Encoded from well-formed text only: one lone surrogate would make every render of the card throw.
  const encode = (value: string) => encodeURIComponent(wellFormed(value));
  const query = `subject=${encode(vendorCase.subject)}&body=${encode(body)}`;
  return `mailto:${vendorCase.vendor.email}?${query}`;
}
