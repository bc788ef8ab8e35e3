import { awaitsAskersVerdict } from '../statuses';
import type { Transition } from './transition';

/** "Løst" from the asker: the answer solved the problem. */
export const confirmResolved: Transition<{ type: 'confirm_resolved' }> = {
  givenBy: 'asker',
  guard: (inquiry) => (awaitsAskersVerdict(inquiry) ? undefined : { reason: 'not_answered' }),
  apply: (_inquiry, _command, step) =>
    step.change({ status: 'resolved' }, { type: 'confirmed_resolved' }, step.everyone),
};
