import { handOverCandidates } from '../../routing/chain';
import { isOpenForHandling } from '../statuses';
import { closedUnless, holderRefusal, who, type Transition } from './transition';

/** "Gi videre": the inquiry goes to another superuser of the unit, who now holds it. */
export const handOver: Transition<{ type: 'hand_over'; toKey: string }> = {
  givenBy: 'handler',
  guard: (inquiry, standing) =>
    closedUnless(isOpenForHandling(inquiry), inquiry) ??
    holderRefusal(inquiry, standing) ??
    (handOverCandidates(inquiry).length === 0 ? { reason: 'unknown_recipient' } : undefined),
  apply: (inquiry, command, step) => {
    const to = handOverCandidates(inquiry).find((p) => p.key === command.toKey);
    if (!to) return { ok: false, reason: 'unknown_recipient' };
    return step.change(
      { status: 'claimed', assignee: to },
      { type: 'handed_over', level: inquiry.level, to: who(to) },
      [
        ...step.everyone,
        {
          kind: 'handler.notice',
          inquiryId: inquiry.id,
          recipientKey: to.key,
          reason: 'handed_over',
        },
      ],
    );
  },
};
