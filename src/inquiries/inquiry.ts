import type { Locale } from '../i18n';
import type { PersonRef } from './person';

export const inquiryStatuses = [
  'new',
  'claimed',
  'answered',
  'resolved',
  'waiting_for_asker',
  'withdrawn',
  'stalled',
] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

export const levels = ['superuser', 'coordinator', 'system_responsible', 'vendor'] as const;
export type Level = (typeof levels)[number];

/** Who is at each level for one inquiry, frozen when it opens. */
export interface Chain {
  superuser: PersonRef[];
  coordinator: PersonRef[];
  system_responsible: PersonRef[];
  vendor: { name: string; email: string };
}

/** What the escalation clock of an open inquiry is measuring. */
export type ClockPhase = 'response' | 'claim' | 'vendor';

export interface EscalationClock {
  phase: ClockPhase;
  /** When the current level was notified (or the claim was made); business time counts from here. */
  since: string;
  /** When to remind the current level; absent once the reminder is sent or when none is due. */
  remindAt?: string;
  /** Reminders sent at the vendor level so far. */
  vendorReminders: number;
  /** While waiting for the asker: when the clock stopped. */
  pausedAt?: string;
}

/** A Teams message the bot posted and may update in place. */
export interface PostedCard {
  conversationId: string;
  activityId: string;
  /** The person whose 1:1 chat holds it; absent for a channel post. */
  recipientKey?: string;
}

/** What a notice said at its top when it was sent: why the reader was told, and whom it mentioned. */
export interface NoticeHead {
  line?: string;
  mentions?: {
    line: string;
    entities: { type: 'mention'; text: string; mentioned: { id: string; name: string } }[];
  };
  comment?: { label: string; text: string };
}

/**
 * A notice about the inquiry the bot posted (a ping or reminder in its thread, a 1:1 notice to a
 * handler), kept so that it is updated in place: its head as sent, the inquiry as it is now.
 */
export interface PostedNotice extends PostedCard {
  head: NoticeHead;
}

export type InquiryEventType =
  | 'opened'
  | 'routed'
  | 'claimed'
  | 'answered'
  | 'handed_over'
  | 'resolved'
  | 'confirmed_resolved'
  | 'reopened'
  | 'escalated'
  | 'reminded'
  | 'vendor_case'
  | 'vendor_reminded'
  | 'stalled'
  | 'asked_asker'
  | 'asker_replied'
  | 'notified'
  | 'delivery_failed';

/** Why an inquiry moved up the chain. */
export type EscalationReason = 'deadline' | 'claim_timeout' | 'manual';

export interface InquiryEvent {
  type: InquiryEventType;
  at: string;
  /** Who did it; absent when the bot itself did it. */
  by?: { key: string; name: string };
  level?: Level;
  to?: { key: string; name: string };
  note?: string;
  reason?: EscalationReason;
  /** The Teams message that caused it, so a message delivered twice is taken once. */
  requestKey?: string;
}

/** The record of an inquiry sent to the vendor: who sent it, when, and to which address. */
export interface VendorCase {
  at: string;
  /** The handler who sent it on; absent when the bot escalated at the deadline. */
  by?: { key: string; name: string };
  vendor: { name: string; email: string };
  subject: string;
}

export interface Answer {
  text: string;
  by: PersonRef;
  at: string;
}

export interface Inquiry {
  id: string;
  /** Readable number such as QM-2026-0042. */
  number: string;
  /** Idempotency key: the Teams activity (or draft) that asked for it. */
  requestKey: string;
  status: InquiryStatus;
  level: Level;
  asker: PersonRef;
  locale: Locale;
  unitId: string;
  workAreaId: string;
  topicId: string;
  text: string;
  chain: Chain;
  assignee?: PersonRef;
  answer?: Answer;
  vendorCase?: VendorCase;
  /** When the current level must respond: an absolute UTC instant, set by the escalation policy. */
  deadline?: string;
  /** The running escalation clock of an open inquiry; absent once it is closed. */
  escalation?: EscalationClock;
  /**
   * The next instant the escalation scheduler must look at this inquiry (a reminder or a deadline);
   * absent when nothing is pending. Stores index it.
   */
  dueAt?: string;
  createdAt: string;
  updatedAt: string;
  teams: {
    triageCards: PostedCard[];
    askerStatus?: PostedCard;
    /** Pings and 1:1 notices to handlers, the latest few. */
    notices?: PostedNotice[];
  };
  history: InquiryEvent[];
  /** Concurrency token of the stored version. */
  etag?: string;
}

/** Everything an inquiry has before the store gives it a number. */
export type NewInquiry = Omit<Inquiry, 'number' | 'etag'>;

export function formatInquiryNumber(year: number, sequence: number): string {
  return `QM-${year}-${String(sequence).padStart(4, '0')}`;
}

export function lastEvent(inquiry: Inquiry): InquiryEvent | undefined {
  return inquiry.history[inquiry.history.length - 1];
}
