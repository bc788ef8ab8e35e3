import { isOpenForHandling } from '../statuses';
import { moveUp } from './escalate';
import { closedUnless, holderRefusal, type Transition } from './transition';

/** "Send direkte til leverandøren": a coordinator or above skips the levels left. */
export const escalateToVendor: Transition<{ type: 'escalate'; note?: string; toVendor?: boolean }> =
  {
    givenBy: 'handler',
    guard: (inquiry, standing) => {
      const refusal =
        closedUnless(isOpenForHandling(inquiry), inquiry) ?? holderRefusal(inquiry, standing);
      if (refusal) return refusal;
      if (standing.role === 'superuser') return { reason: 'vendor_not_allowed' };
      return inquiry.level === 'vendor' ? { reason: 'end_of_chain' } : undefined;
    },
    apply: (inquiry, command, step) => moveUp(inquiry, 'vendor', command.note, step),
  };
