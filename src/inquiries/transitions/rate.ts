import type { Rating } from '../inquiry';
import { clip, type Transition } from './transition';

/** The asker rates the help once the inquiry is resolved: three levels and an optional comment. */
export const rate: Transition<{ type: 'rate'; rating: Rating; comment?: string }> = {
  givenBy: 'asker',
  guard: (inquiry) => {
    if (inquiry.status !== 'resolved') return { reason: 'closed', status: inquiry.status };
    return inquiry.rating ? { reason: 'already_rated' } : undefined;
  },
  apply: (inquiry, command, step) => {
    const comment = clip(command.comment);
    return step.change(
      { rating: { rating: command.rating, ...(comment ? { comment } : {}), at: step.at } },
      { type: 'rated', ...(comment ? { note: comment } : {}) },
      [{ kind: 'triage.update', inquiryId: inquiry.id }],
    );
  },
};
