import { Duration } from 'luxon';
import type { Inquiry } from '../inquiries/inquiry';
import type { Store } from '../store/ports';
import type { Pseudonymise } from './pseudonym';
import { redactInquiry } from './redact';

/** How many inquiries, drafts and finished notifications one run looks at, each. */
export const retentionBatch = 100;

/** What one retention run removed. */
export interface RetentionResult {
  inquiries: number;
  /** Inquiries another write changed first: they are tried again on the next run. */
  conflicts: number;
  drafts: number;
  notifications: number;
}

/** The instant before which a finished inquiry has been kept long enough, or undefined for never. */
export function retentionCutoff(now: Date, retainFor: string | undefined): Date | undefined {
  if (!retainFor) return undefined;
  const period = Duration.fromISO(retainFor);
  if (!period.isValid) return undefined;
  return new Date(now.getTime() - period.as('milliseconds'));
}

/** Not while the asker may still reopen it, whatever the retention period says. */
function mayRedact(inquiry: Inquiry, now: Date): boolean {
  return !inquiry.reopenUntil || new Date(inquiry.reopenUntil) <= now;
}

/**
 * One bounded run of the retention rule: finished inquiries kept past `retainFor` lose their text
 * and people (only the figures reports count stay), their record in the knowledge base's
 * "similar inquiries" loses its question and answer, and drafts and finished notifications older
 * than the period are removed. Every inquiry is written with the etag that was read: a
 * concurrent write wins, and the inquiry is tried again next run.
 */
export async function applyRetention(
  store: Store,
  options: { now: Date; retainFor: string | undefined; pseudonymise: Pseudonymise; batch?: number },
): Promise<RetentionResult> {
  const result: RetentionResult = { inquiries: 0, conflicts: 0, drafts: 0, notifications: 0 };
  const cutoff = retentionCutoff(options.now, options.retainFor);
  if (!cutoff) return result;
  const batch = options.batch ?? retentionBatch;
  const at = options.now.toISOString();
  for (const inquiry of await store.inquiries.finishedBefore(cutoff, batch)) {
    if (!mayRedact(inquiry, options.now)) continue;
    await forgetSolvedText(store, inquiry.id);
    const written = await store.inquiries.scrub(redactInquiry(inquiry, options.pseudonymise, at));
    if (written.ok) result.inquiries++;
    else result.conflicts++;
  }
  result.drafts = await store.drafts.removeCreatedBefore(cutoff, batch);
  result.notifications = await store.outbox.removeFinishedBefore(cutoff, batch);
  if (result.inquiries + result.drafts + result.notifications > 0) await store.purgeRemoved();
  return result;
}

/** Empties the question and answer the knowledge base kept of a solved inquiry, if it kept one. */
export async function forgetSolvedText(store: Store, inquiryId: string): Promise<void> {
  const solved = await store.knowledge.solved(inquiryId);
  if (!solved || (solved.question === '' && solved.answer === '')) return;
  const { seq: _seq, ...kept } = solved;
  // Recorded again, so every instance's index reads it anew and drops the old text.
  await store.knowledge.recordSolved({ ...kept, question: '', answer: '' });
}
