import { awaitsAskersVerdict, isFinished } from '../statuses';
import type { Transition } from './transition';

/** "Løst" from the asker: the answer solved the problem. */
export const confirmResolved: Transition<{ type: 'confirm_resolved' }> = {
  givenBy: 'asker',
  guard: (inquiry) => {
    if (awaitsAskersVerdict(inquiry)) return undefined;
    if (inquiry.status === 'resolved') return { reason: 'already_resolved' };
    if (isFinished(inquiry)) return { reason: 'closed', status: inquiry.status };
    return { reason: 'not_answered' };
  },
  apply: (_inquiry, _command, step) =>
    step.change({ status: 'resolved' }, { type: 'confirmed_resolved' }, step.everyone),
};
