import { escalationNotices } from '../../escalation/notices';
import { vendorCase } from '../../escalation/vendor-case';
import { nextLevel } from '../../routing/chain';
import type { Decision } from '../commands';
import type { Inquiry, Level } from '../inquiry';
import { isOpenForHandling } from '../statuses';
import { clip, closedUnless, holderRefusal, type Step, type Transition } from './transition';

/**
 * Moves an inquiry up to `level` by hand. The next level starts afresh: nobody there holds it yet.
 * At the vendor level the one who sends it on holds it and records the vendor case.
 */
export function moveUp(
  inquiry: Inquiry,
  level: Level,
  note: string | undefined,
  step: Step,
): Decision {
  const kept = clip(note);
  const event = {
    type: 'escalated',
    level,
    reason: 'manual',
    ...(kept ? { note: kept } : {}),
  } as const;
  const notices = escalationNotices(inquiry, level, 'manual');
  if (level !== 'vendor') {
    return step.change({ level, status: 'new', assignee: undefined }, event, notices);
  }
  const { person } = step.actor;
  return step.change(
    {
      level,
      status: 'claimed',
      assignee: person,
      vendorCase: vendorCase(inquiry, step.at, person),
    },
    event,
    [
      ...notices,
      {
        kind: 'handler.notice',
        inquiryId: inquiry.id,
        recipientKey: person.key,
        reason: 'vendor_case',
      },
    ],
  );
}

/** "Send til koordinator": the inquiry goes to the next level of its chain that has someone. */
export const escalate: Transition<{ type: 'escalate'; note?: string }> = {
  givenBy: 'handler',
  guard: (inquiry, standing) =>
    closedUnless(isOpenForHandling(inquiry), inquiry) ??
    holderRefusal(inquiry, standing) ??
    (nextLevel(inquiry.chain, inquiry.level) ? undefined : { reason: 'end_of_chain' }),
  apply: (inquiry, command, step) => {
    const level = nextLevel(inquiry.chain, inquiry.level);
    if (!level) return { ok: false, reason: 'end_of_chain' };
    return moveUp(inquiry, level, command.note, step);
  },
};
