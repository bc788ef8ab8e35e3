import type { Locale } from '../i18n';
import type { Intake, IntakeChannel } from './intake';
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

/** The levels where people in Teams are told; the vendor is reached by email. */
export type PeopleLevel = Exclude<Level, 'vendor'>;

/** Someone in the chain; while away, the last day away and who stands in for them. */
export interface ChainMember extends PersonRef {
  away?: { until: string; deputy?: PersonRef };
}

/**
 * Why a level was passed over: nobody holds the role (`vacant`), everyone in it is away without
 * a deputy (`away`), or the asker holds it themselves (`own_role`).
 */
export type SkipReason = 'vacant' | 'away' | 'own_role';

/**
 * Who is at each level for one inquiry, frozen when it opens. Who is away is brought up to date
 * whenever the inquiry moves on or is reminded about.
 */
export interface Chain {
  superuser: ChainMember[];
  coordinator: ChainMember[];
  system_responsible: ChainMember[];
  vendor: { name: string; email: string };
  /** The levels that have nobody to tell, and why; absent when every level has someone. */
  skipped?: Partial<Record<PeopleLevel, SkipReason>>;
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
  /** While waiting for the asker: when the asker was reminded of the handler's question. */
  askerRemindedAt?: string;
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
  | 'delivery_failed'
  | 'noted'
  | 'vendor_updated'
  | 'moved'
  | 'withdrawn'
  | 'info_added'
  | 'rated'
  | 'registered'
  | 'asker_reminded'
  | 'returned_to_handler'
  | 'stalled_reminded'
  | 'undeliverable_reported';

/** Where an inquiry belongs: its unit and topic. */
export interface Place {
  unitId: string;
  topicId: string;
}

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
  /** A move to another unit or topic: from where, to where. */
  move?: { from: Place; to: Place };
  /** Files and images the asker added with this step, by name. */
  attachments?: string[];
  /** For a `registered` event: how the asker got in touch with the helpdesk. */
  channel?: IntakeChannel;
  /**
   * For a `delivery_failed` event: the triage channel (its `19:` id) that Teams refused the
   * inquiry's card in for good, so its later notices go 1:1 instead of trying it again.
   */
  refusedChannelId?: string;
}

/** A notification about an inquiry that could not be delivered, as its history records it. */
export interface DeliveryFailure {
  at: string;
  note: string;
  refusedChannelId?: string;
}

/** A file or image the asker sent about an inquiry, as Teams described it. */
export interface InquiryAttachment {
  name: string;
  /** A MIME type, or Teams' own for a file (`application/vnd.microsoft.teams.file.download.info`). */
  contentType: string;
  /** In bytes, when Teams said. */
  size?: number;
  /** The download link or content URL Teams gave; reading it needs the bot's token. */
  url: string;
  at: string;
}

/** How the asker rated the help they got, after it was resolved. */
export const ratings = ['good', 'ok', 'poor'] as const;
export type Rating = (typeof ratings)[number];

export interface AskerRating {
  rating: Rating;
  comment?: string;
  at: string;
}

/** The record of an inquiry sent to the vendor: who sent it, when, and to which address. */
export interface VendorCase {
  at: string;
  /** The handler who sent it on; absent when the bot escalated at the deadline. */
  by?: { key: string; name: string };
  vendor: { name: string; email: string };
  subject: string;
  /** The vendor's own number for the case, as a handler recorded it. */
  caseNumber?: string;
  /** What the vendor replied, as a handler recorded it. */
  reply?: { text: string; at: string; by: { key: string; name: string } };
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
  /** Set when the helpdesk registered the inquiry for the asker: who, and how it came in. */
  intake?: Intake;
  locale: Locale;
  unitId: string;
  workAreaId: string;
  topicId: string;
  text: string;
  chain: Chain;
  assignee?: PersonRef;
  answer?: Answer;
  vendorCase?: VendorCase;
  /** Files and images the asker added, oldest first. */
  attachments?: InquiryAttachment[];
  /** What a handler wrote on closing an inquiry nobody had answered. */
  closingNote?: Answer;
  /** Until when the asker may reopen a resolved inquiry; set when it is resolved. */
  reopenUntil?: string;
  /** The asker's rating of the help, once resolved. */
  rating?: AskerRating;
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
  /**
   * When its text and people were removed, its retention period over or its asker erased; only
   * the figures reports count are left.
   */
  redactedAt?: string;
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
