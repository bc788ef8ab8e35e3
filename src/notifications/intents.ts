/**
 * What someone must be told, decided by the core and delivered by the bot through the outbox.
 * Intents name the inquiry, not the message: the sender renders the inquiry as it is at send
 * time, so a late or repeated delivery never shows stale state.
 */
export type NotificationIntent =
  /** Post the triage card: as a new thread in the work area's channel, or to each handler's 1:1 chat. */
  | { kind: 'triage.post'; inquiryId: string }
  /** Update every posted triage card in place. */
  | { kind: 'triage.update'; inquiryId: string }
  /** Send the asker's status card, or update it in place once sent. */
  | { kind: 'asker.status'; inquiryId: string }
  /** Send the answer to the asker with "Løst" / "Ikke løst". */
  | { kind: 'asker.answer'; inquiryId: string }
  /** Tell one handler, in 1:1 chat, that something needs them (handed over, reopened). */
  | {
      kind: 'handler.notice';
      inquiryId: string;
      recipientKey: string;
      reason: HandlerNoticeReason;
      note?: string;
    };

export type HandlerNoticeReason = 'handed_over' | 'reopened';

export type NotificationKind = NotificationIntent['kind'];

export interface OutboxItem {
  id: number;
  intent: NotificationIntent;
  attempts: number;
  dueAt: string;
  createdAt: string;
  lastError?: string;
}
