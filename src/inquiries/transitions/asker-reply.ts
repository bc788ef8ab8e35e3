import { isWaitingForAsker } from '../statuses';
import type { NewAttachment } from '../commands';
import { maxAttachments } from './add-info';
import { closedUnless, stamped, textRefusal, type Transition } from './transition';

/** The asker's reply in chat to a handler's question; it goes back to the one who asked. */
export const askerReply: Transition<{
  type: 'asker_reply';
  text: string;
  requestKey?: string;
  attachments?: NewAttachment[];
}> = {
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
    const added = stamped(command.attachments, step.at);
    const attachments = [...(inquiry.attachments ?? []), ...added].slice(-maxAttachments);
    return step.change(
      { status: 'claimed', ...(added.length > 0 ? { attachments } : {}) },
      {
        type: 'asker_replied',
        level: inquiry.level,
        note: text,
        ...(added.length > 0 ? { attachments: added.map((a) => a.name) } : {}),
        ...(command.requestKey ? { requestKey: command.requestKey } : {}),
      },
      [...step.everyone, ...notices],
    );
  },
};
