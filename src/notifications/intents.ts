import type { Locale } from '../i18n';
import type { EscalationReason, Level } from '../inquiries/inquiry';

/**
 * What someone must be told, decided by the core and delivered by the bot through the outbox.
 * Intents name the inquiry, not the message: the sender renders the inquiry as it is at send
 * time, so a late or repeated delivery never shows stale state.
 */
export type NotificationIntent = InquiryIntent | DraftIntent | ReportIntent;

/**
 * Follow up a question its asker left without choosing where it belongs (it is no inquiry yet):
 * remind them once, or tell them it was dropped, quoting its start.
 */
export type DraftIntent =
  | { kind: 'draft.reminder'; draftId: string; askerKey: string; locale: Locale }
  | { kind: 'draft.dropped'; draftId: string; askerKey: string; locale: Locale; excerpt: string };

/** What a notification is about, for logs and ordering: the inquiry's id, the draft's, or the report pack. */
export function subjectOf(intent: NotificationIntent): string {
  if ('inquiryId' in intent) return intent.inquiryId;
  return intent.kind === 'report.pack' ? intent.kind : `draft:${intent.draftId}`;
}

export type InquiryIntent =
  /** Post the triage card: as a new thread in the work area's channel, or to each handler's 1:1 chat. */
  | { kind: 'triage.post'; inquiryId: string }
  /** Update every posted triage card in place. */
  | { kind: 'triage.update'; inquiryId: string }
  /** Send the asker's status card, or update it in place once sent. */
  | { kind: 'asker.status'; inquiryId: string }
  /** Send the answer to the asker with "Løst" / "Ikke løst". */
  | { kind: 'asker.answer'; inquiryId: string }
  /** Tell one handler, in 1:1 chat, that something needs them (handed over, reopened). */
  /** Mention a level's people in the inquiry's thread (or reach them 1:1) because it came to them. */
  | { kind: 'escalation.ping'; inquiryId: string; level: Level; reason: EscalationReason }
  /** Remind whoever owes the response at the current level that its deadline is near. */
  | { kind: 'reminder'; inquiryId: string }
  /** Tell the asker, in plain words, where the inquiry has gone. */
  | { kind: 'asker.notice'; inquiryId: string; reason: AskerNoticeReason }
  /** Put the handler's question to the asker in 1:1 chat; the reply goes back to the handler. */
  | { kind: 'asker.question'; inquiryId: string; reminder?: boolean }
  /** Post what the asker wrote ("Ikke løst" with a comment) in the inquiry's channel thread. */
  | { kind: 'thread.note'; inquiryId: string; note: string }
  /**
   * Deliver one event of the inquiry's history (its index, `sequence`) to one configured webhook
   * (`target`, a digest of its URL, so the URL itself is never stored in the outbox).
   */
  | { kind: 'webhook'; inquiryId: string; sequence: number; target: string }
  /**
   * Tell someone of the organisation outside the inquiry's chain (a coordinator or admin, by the
   * email the organisation file lists) about a problem with it: a notification that reached nobody.
   */
  | { kind: 'staff.notice'; inquiryId: string; email: string; reason: 'undeliverable' }
  | {
      kind: 'handler.notice';
      inquiryId: string;
      recipientKey: string;
      reason: HandlerNoticeReason;
      note?: string;
    };

/**
 * Post the half-yearly report pack to the resource group's channel: the whole organisation's
 * figures for the period from `from` to `to`, computed when it is sent.
 */
export type ReportIntent = { kind: 'report.pack'; from: string; to: string };

/** The inquiry a notification is about, when it is about one. */
export function inquiryOf(intent: NotificationIntent): string | undefined {
  return 'inquiryId' in intent ? intent.inquiryId : undefined;
}

export type HandlerNoticeReason =
  | 'handed_over'
  | 'reopened'
  | 'asker_replied'
  | 'claim_lapsed'
  | 'vendor_case'
  | 'vendor_reminder'
  | 'stalled'
  | 'escalated'
  | 'withdrawn'
  | 'info_added'
  | 'asker_silent'
  | 'stalled_reminder';

export type AskerNoticeReason = 'escalated' | 'stalled' | 'moved' | 'returned';

export type NotificationKind = NotificationIntent['kind'];

export interface OutboxItem {
  id: number;
  intent: NotificationIntent;
  attempts: number;
  dueAt: string;
  createdAt: string;
  lastError?: string;
}
