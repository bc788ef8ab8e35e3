import { clip, type Transition } from './transition';
import { confirmResolved } from './confirm-resolved';

/**
 * "Ikke løst" from the asker, with an optional comment: the inquiry opens again at the same level,
 * with whoever held it, who is told.
 */
export const notResolved: Transition<{ type: 'not_resolved'; comment?: string }> = {
  givenBy: 'asker',
  // The asker gives the one verdict or the other, in the same state.
  guard: confirmResolved.guard,
  apply: (inquiry, command, step) => {
    const note = clip(command.comment);
    const holder = inquiry.assignee;
    const notices = holder
      ? [
          {
            kind: 'handler.notice',
            inquiryId: inquiry.id,
            recipientKey: holder.key,
            reason: 'reopened',
            ...(note ? { note } : {}),
          } as const,
        ]
      : [];
    return step.change(
      { status: holder ? 'claimed' : 'new' },
      { type: 'reopened', level: inquiry.level, ...(note ? { note } : {}) },
      [
        ...step.everyone,
        ...notices,
        ...(note ? [{ kind: 'thread.note', inquiryId: inquiry.id, note } as const] : []),
      ],
    );
  },
};
