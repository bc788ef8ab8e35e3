import { handlersToTell, clip, type Transition } from './transition';

/**
 * "Åpne igjen" / "Ikke løst" after resolution: within the organisation's reopening period the
 * asker opens a resolved inquiry again at the level it was resolved at, with whoever held it.
 */
export const reopen: Transition<{ type: 'reopen'; comment?: string }> = {
  givenBy: 'asker',
  guard: (inquiry, standing) => {
    if (inquiry.status !== 'resolved') return { reason: 'closed', status: inquiry.status };
    const until = inquiry.reopenUntil;
    return until && standing.at && standing.at <= until ? undefined : { reason: 'reopen_expired' };
  },
  apply: (inquiry, command, step) => {
    const note = clip(command.comment);
    return step.change(
      {
        status: inquiry.assignee ? 'claimed' : 'new',
        reopenUntil: undefined,
        rating: undefined,
      },
      { type: 'reopened', level: inquiry.level, ...(note ? { note } : {}) },
      [
        ...step.everyone,
        ...handlersToTell(inquiry, 'reopened', note),
        ...(note ? [{ kind: 'thread.note', inquiryId: inquiry.id, note } as const] : []),
      ],
    );
  },
};
