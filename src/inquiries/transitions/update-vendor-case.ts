import { startOf } from '../../text';
import { isFinished } from '../statuses';
import { clip, closedUnless, textRefusal, who, type Transition } from './transition';

/** The longest case number a vendor's system gives that is kept. */
export const maxVendorCaseNumberLength = 100;

/**
 * Records what the vendor's side says: their case number and their reply. Only handlers see it.
 * It changes no state; the handler answers the asker when the reply solves the question.
 */
export const updateVendorCase: Transition<{
  type: 'update_vendor_case';
  caseNumber?: string;
  reply?: string;
}> = {
  givenBy: 'handler',
  check: (command) => {
    if (command.reply?.trim()) return textRefusal(command.reply);
    return command.caseNumber?.trim() ? undefined : { reason: 'empty_answer' };
  },
  guard: (inquiry) =>
    closedUnless(!isFinished(inquiry), inquiry) ??
    (inquiry.vendorCase ? undefined : { reason: 'no_vendor_case' }),
  apply: (inquiry, command, step) => {
    if (!inquiry.vendorCase) return { ok: false, reason: 'no_vendor_case' };
    const caseNumber = command.caseNumber?.trim()
      ? startOf(command.caseNumber.trim(), maxVendorCaseNumberLength)
      : undefined;
    const reply = clip(command.reply);
    return step.change(
      {
        vendorCase: {
          ...inquiry.vendorCase,
          ...(caseNumber ? { caseNumber } : {}),
          ...(reply ? { reply: { text: reply, at: step.at, by: who(step.actor.person) } } : {}),
        },
      },
      {
        type: 'vendor_updated',
        level: inquiry.level,
        note: [caseNumber ? `#${caseNumber}` : '', reply ?? ''].filter(Boolean).join(': '),
      },
      [{ kind: 'triage.update', inquiryId: inquiry.id }],
    );
  },
};
