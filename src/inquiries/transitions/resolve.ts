import { isFinished } from '../statuses';
import { closedUnless, holderRefusal, type Transition } from './transition';

/** "Løst" from a handler: the inquiry is closed without waiting for the asker's word. */
export const resolve: Transition<{ type: 'resolve' }> = {
  givenBy: 'handler',
  guard: (inquiry, standing) =>
    closedUnless(!isFinished(inquiry), inquiry) ?? holderRefusal(inquiry, standing),
  apply: (inquiry, _command, step) =>
    step.change({ status: 'resolved' }, { type: 'resolved', level: inquiry.level }, step.everyone),
};
