import { isAnswerable } from '../statuses';
import { closedUnless, holderRefusal, textRefusal, type Transition } from './transition';

/** "Svar": the answer goes to the asker, and whoever answers holds the inquiry. */
export const answer: Transition<{ type: 'answer'; text: string }> = {
  givenBy: 'handler',
  check: (command) => textRefusal(command.text),
  guard: (inquiry, standing) =>
    closedUnless(isAnswerable(inquiry), inquiry) ?? holderRefusal(inquiry, standing),
  apply: (inquiry, command, step) =>
    step.change(
      {
        status: 'answered',
        assignee: inquiry.assignee ?? step.actor.person,
        answer: { text: command.text.trim(), by: step.actor.person, at: step.at },
      },
      { type: 'answered', level: inquiry.level },
      [...step.everyone, { kind: 'asker.answer', inquiryId: inquiry.id }],
    ),
};
