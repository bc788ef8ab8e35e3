import { isOpenForHandling } from '../statuses';
import { closedUnless, holderRefusal, textRefusal, type Transition } from './transition';

/** "Spør innsender": the handler asks the asker something; the clock waits for the reply. */
export const askAsker: Transition<{ type: 'ask_asker'; question: string }> = {
  givenBy: 'handler',
  check: (command) => textRefusal(command.question),
  guard: (inquiry, standing) =>
    closedUnless(isOpenForHandling(inquiry), inquiry) ?? holderRefusal(inquiry, standing),
  apply: (inquiry, command, step) =>
    step.change(
      { status: 'waiting_for_asker', assignee: inquiry.assignee ?? step.actor.person },
      { type: 'asked_asker', level: inquiry.level, note: command.question.trim() },
      [...step.everyone, { kind: 'asker.question', inquiryId: inquiry.id }],
    ),
};
