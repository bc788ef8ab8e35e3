import { isWaitingForAsker } from '../statuses';
import { closedUnless, textRefusal, type Transition } from './transition';

/** The asker's reply in chat to a handler's question; it goes back to the one who asked. */
export const askerReply: Transition<{ type: 'asker_reply'; text: string; requestKey?: string }> = {
  givenBy: 'asker',
  check: (command) => textRefusal(command.text),
  guard: (inquiry) => closedUnless(isWaitingForAsker(inquiry) && !!inquiry.assignee, inquiry),
  apply: (inquiry, command, step) => {
    const text = command.text.trim();
    const notices = inquiry.assignee
      ? [
          {
            kind: 'handler.notice',
            inquiryId: inquiry.id,
            recipientKey: inquiry.assignee.key,
            reason: 'asker_replied',
            note: text,
          } as const,
        ]
      : [];
    return step.change(
      { status: 'claimed' },
      {
        type: 'asker_replied',
        level: inquiry.level,
        note: text,
        ...(command.requestKey ? { requestKey: command.requestKey } : {}),
      },
      [...step.everyone, ...notices],
    );
  },
};
