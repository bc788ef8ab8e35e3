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

/** A Teams message the bot posted and may update in place. */
export interface PostedCard {
  conversationId: string;
  activityId: string;
  /** The person whose 1:1 chat holds it; absent for a channel post. */
  recipientKey?: string;
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
  | 'notified'
  | 'delivery_failed';

export interface InquiryEvent {
  type: InquiryEventType;
  at: string;
  /** Who did it; absent when the bot itself did it. */
  by?: { key: string; name: string };
  level?: Level;
  to?: { key: string; name: string };
  note?: string;
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
  /** When the current level must respond; set by escalation policy. */
  deadline?: string;
  createdAt: string;
  updatedAt: string;
  teams: {
    triageCards: PostedCard[];
    askerStatus?: PostedCard;
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

export const openStatuses: readonly InquiryStatus[] = [
  'new',
  'claimed',
  'waiting_for_asker',
  'stalled',
];

export function lastEvent(inquiry: Inquiry): InquiryEvent | undefined {
  return inquiry.history[inquiry.history.length - 1];
}
