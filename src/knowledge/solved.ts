import type { Inquiry } from '../inquiries/inquiry';
import type { Store } from '../store/ports';

/**
 * Records a resolved inquiry's question and answer for "similar inquiries" on later triage cards.
 * An inquiry closed without an answer has nothing to offer and is left out.
 */
export async function recordSolved(store: Store, inquiry: Inquiry, at: Date): Promise<void> {
  if (inquiry.status !== 'resolved' || !inquiry.answer) return;
  await store.knowledge.recordSolved({
    inquiryId: inquiry.id,
    number: inquiry.number,
    question: inquiry.text,
    answer: inquiry.answer.text,
    topicId: inquiry.topicId,
    locale: inquiry.locale,
    resolvedAt: at.toISOString(),
  });
}
