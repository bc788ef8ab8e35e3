import { isFinished } from '../statuses';
import { clip, closedUnless, handlersToTell, type Transition } from './transition';

/**
 * "Trekk tilbake": the asker takes back a question that is still open, with an optional reason.
 * The clock stops, and whoever holds it (or the level's people) is told.
 */
export const withdraw: Transition<{ type: 'withdraw'; reason?: string }> = {
  givenBy: 'asker',
  guard: (inquiry) => closedUnless(!isFinished(inquiry), inquiry),
  apply: (inquiry, command, step) => {
    const note = clip(command.reason);
    return step.change(
      { status: 'withdrawn' },
      { type: 'withdrawn', level: inquiry.level, ...(note ? { note } : {}) },
      [...step.everyone, ...handlersToTell(inquiry, 'withdrawn', note)],
    );
  },
};
