import { isOpenForHandling } from '../statuses';
import { closedUnless, type Transition } from './transition';

/** "Jeg tar den": a handler takes a new inquiry that nobody holds. */
export const claim: Transition<{ type: 'claim' }> = {
  givenBy: 'handler',
  guard: (inquiry, standing) => {
    const closed = closedUnless(isOpenForHandling(inquiry), inquiry);
    if (closed) return closed;
    if (!inquiry.assignee) return undefined;
    return standing.holder
      ? { reason: 'already_yours' }
      : { reason: 'already_claimed', by: inquiry.assignee };
  },
  apply: (inquiry, _command, step) =>
    step.change(
      { status: 'claimed', assignee: step.actor.person },
      { type: 'claimed', level: inquiry.level },
      step.everyone,
    ),
};
