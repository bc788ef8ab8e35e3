import { maxAnswerLength } from '../commands';
import type { NewAttachment } from '../commands';
import { isFinished } from '../statuses';
import { clip, closedUnless, handlersToTell, stamped, type Transition } from './transition';

/** At most this many files on one inquiry; Teams rarely sends more than a few at a time. */
export const maxAttachments = 50;

/**
 * "Legg til informasjon": the asker adds text, files or images to an inquiry that is still open.
 * Its state stays as it is; the holder (or the level's people) is told, and the history says what
 * came.
 */
export const addInfo: Transition<{
  type: 'add_info';
  text: string;
  attachments?: NewAttachment[];
  requestKey?: string;
}> = {
  givenBy: 'asker',
  check: (command) => {
    const text = command.text.trim();
    if (!text && (command.attachments ?? []).length === 0) return { reason: 'empty_answer' };
    return text.length > maxAnswerLength ? { reason: 'too_long', max: maxAnswerLength } : undefined;
  },
  guard: (inquiry) => closedUnless(!isFinished(inquiry), inquiry),
  apply: (inquiry, command, step) => {
    const note = clip(command.text);
    const added = stamped(command.attachments, step.at);
    const attachments = [...(inquiry.attachments ?? []), ...added].slice(-maxAttachments);
    return step.change(
      added.length > 0 ? { attachments } : {},
      {
        type: 'info_added',
        level: inquiry.level,
        ...(note ? { note } : {}),
        ...(added.length > 0 ? { attachments: added.map((a) => a.name) } : {}),
        ...(command.requestKey ? { requestKey: command.requestKey } : {}),
      },
      [
        { kind: 'triage.update', inquiryId: inquiry.id },
        ...handlersToTell(inquiry, 'info_added', note),
      ],
    );
  },
};
