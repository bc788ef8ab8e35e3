import { isFinished } from '../statuses';
import { clip, closedUnless, holderRefusal, type Transition } from './transition';

/**
 * "Løst" from a handler: the inquiry is closed without waiting for the asker's word. Closing one
 * that was never answered needs a short note, which the asker sees in place of an answer.
 */
export const resolve: Transition<{ type: 'resolve'; note?: string }> = {
  givenBy: 'handler',
  guard: (inquiry, standing) =>
    closedUnless(!isFinished(inquiry), inquiry) ?? holderRefusal(inquiry, standing),
  apply: (inquiry, command, step) => {
    const note = clip(command.note);
    if (!inquiry.answer && !note) return { ok: false, reason: 'note_required' };
    return step.change(
      {
        status: 'resolved',
        ...(note ? { closingNote: { text: note, by: step.actor.person, at: step.at } } : {}),
      },
      { type: 'resolved', level: inquiry.level, ...(note ? { note } : {}) },
      step.everyone,
    );
  },
};
