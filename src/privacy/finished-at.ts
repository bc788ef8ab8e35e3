import type { Inquiry, InquiryEventType } from '../inquiries/inquiry';
import { isFinished } from '../inquiries/statuses';

const finishing: ReadonlySet<InquiryEventType> = new Set([
  'resolved',
  'confirmed_resolved',
  'withdrawn',
]);

/**
 * When a finished inquiry finished: its last resolution or withdrawal (closing without an answer
 * is a resolution). Undefined while it is not finished.
 */
export function finishedAt(
  inquiry: Pick<Inquiry, 'status' | 'history' | 'updatedAt'>,
): string | undefined {
  if (!isFinished(inquiry)) return undefined;
  for (let i = inquiry.history.length - 1; i >= 0; i--) {
    const event = inquiry.history[i];
    if (event && finishing.has(event.type)) return event.at;
  }
  return inquiry.updatedAt;
}
