import type { EscalationTiming } from '../escalation/policy';
import type { DraftIntent } from '../notifications/intents';
import type { DueDraft, Store } from '../store/ports';
import { shorten } from '../text';

/** How much of a dropped question its asker is shown, to know which one it was. */
const excerptLength = 80;

/** What happens to a question left without a unit or topic when its follow-up comes. */
export type UnfinishedStep =
  | { kind: 'wait'; until: string }
  | { kind: 'remind'; next: string; notice: DraftIntent }
  | { kind: 'drop'; notice: DraftIntent };

/**
 * Decides a due draft's follow-up: outside working time it waits for the next working moment;
 * first its asker is reminded, and after the second period it is dropped with a note. Pure.
 */
export function unfinishedStep(
  { draft }: DueDraft,
  now: Date,
  timing: EscalationTiming,
): UnfinishedStep {
  const { calendar, followUps } = timing;
  if (!calendar.isWorkingTime(now))
    return { kind: 'wait', until: calendar.nextWorkingMoment(now).toISOString() };
  const about = { draftId: draft.id, askerKey: draft.askerKey, locale: draft.locale };
  if (!draft.reminded)
    return {
      kind: 'remind',
      next: calendar.add(now, followUps.unfinishedDropAfter).toISOString(),
      notice: { kind: 'draft.reminder', ...about },
    };
  return {
    kind: 'drop',
    notice: { kind: 'draft.dropped', ...about, excerpt: shorten(draft.text.trim(), excerptLength) },
  };
}

/**
 * Takes the follow-up of each due draft this instance wins (every write carries the etag read, so
 * of several instances one takes each step), and queues the note to the asker. The note is queued
 * after the step is taken: a crash between the two loses the note, never doubles it. A draft that
 * became an inquiry meanwhile is only taken out of the follow-ups. Returns how many steps it took.
 */
export async function followUpUnfinished(
  store: Store,
  timing: EscalationTiming,
  now: Date,
  limit: number,
): Promise<number> {
  let taken = 0;
  for (const due of await store.drafts.due(now, limit)) {
    const { draft, etag } = due;
    const opened = await store.inquiries.listByAsker(draft.askerKey, 20);
    if (opened.some((inquiry) => inquiry.requestKey === draft.id)) {
      await store.drafts.finish(draft.id);
      continue;
    }
    const step = unfinishedStep(due, now, timing);
    if (step.kind === 'wait') {
      await store.drafts.followUp(draft.id, etag, {
        followUpAt: step.until,
        reminded: draft.reminded === true,
      });
      continue;
    }
    const won =
      step.kind === 'remind'
        ? await store.drafts.followUp(draft.id, etag, { followUpAt: step.next, reminded: true })
        : await store.drafts.remove(draft.id, etag);
    if (!won.ok) continue;
    await store.outbox.enqueue([step.notice], now);
    taken++;
  }
  return taken;
}
