import type { Inquiry } from '../inquiries/inquiry';
import { handlerTransitions } from '../inquiries/state-machine';
import type { SolvedInquiry } from './entry';
import type { KnowledgeIndex } from './knowledge-index';

/** How many resolved inquiries a triage card shows beside a new one. */
export const maxSimilar = 3;

/**
 * Resolved inquiries that resemble an inquiry a handler may still answer; none once it is
 * answered or closed, when a known answer no longer helps.
 */
export async function similarInquiries(
  index: KnowledgeIndex | undefined,
  inquiry: Inquiry,
): Promise<SolvedInquiry[]> {
  if (!index || !handlerTransitions(inquiry).includes('answer')) return [];
  await index.refresh();
  return index.similar(inquiry.text, maxSimilar, inquiry.id);
}

/** The id of the entry published from an inquiry: one entry per inquiry. */
export function publishedEntryId(inquiry: Pick<Inquiry, 'number'>): string {
  return `svar-${inquiry.number.toLowerCase()}`;
}

/** Whether a handler may publish the inquiry's answer now: it has one, and it has been given. */
export function mayPublish(inquiry: Inquiry): boolean {
  return !!inquiry.answer && (inquiry.status === 'answered' || inquiry.status === 'resolved');
}
