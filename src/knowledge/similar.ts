import type { Inquiry } from '../inquiries/inquiry';
import { handlerTransitions } from '../inquiries/state-machine';
import type { SolvedInquiry } from './entry';
import type { KnowledgeIndex } from './knowledge-index';

/** How many resolved inquiries a triage card shows beside a new one. */
export const maxSimilar = 3;

/** Whether a known answer can still help: a handler may answer, and nobody has yet. */
export function waitsForAnAnswer(inquiry: Inquiry): boolean {
  return inquiry.status !== 'answered' && handlerTransitions(inquiry).includes('answer');
}

/**
 * Resolved inquiries that resemble an inquiry that waits for an answer; none once it is answered
 * or closed.
 */
export async function similarInquiries(
  index: KnowledgeIndex | undefined,
  inquiry: Inquiry,
): Promise<SolvedInquiry[]> {
  if (!index || !waitsForAnAnswer(inquiry)) return [];
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
