import type { NotificationIntent } from '../notifications/intents';
import type { HandlerRole } from '../routing/authorisation';
import type { Inquiry, InquiryAttachment, InquiryStatus, Rating } from './inquiry';
import type { PersonRef } from './person';
import type { MoveTarget } from './transitions/move';

export const maxAnswerLength = 8000;

/** What a person asks to do with an inquiry, as a card action or a chat message carries it. */
export type Command =
  | { type: 'claim' }
  | { type: 'answer'; text: string }
  | { type: 'hand_over'; toKey: string }
  | { type: 'resolve'; note?: string }
  | { type: 'confirm_resolved' }
  | { type: 'not_resolved'; comment?: string }
  | { type: 'escalate'; note?: string; toVendor?: boolean }
  | { type: 'ask_asker'; question: string }
  | { type: 'asker_reply'; text: string; requestKey?: string; attachments?: NewAttachment[] }
  | { type: 'add_note'; text: string }
  | { type: 'update_vendor_case'; caseNumber?: string; reply?: string }
  | { type: 'move'; to: MoveTarget; reason: string }
  | { type: 'withdraw'; reason?: string }
  | { type: 'reopen'; comment?: string }
  | { type: 'add_info'; text: string; attachments?: NewAttachment[]; requestKey?: string }
  | { type: 'rate'; rating: Rating; comment?: string };

/** A file or image as the asker sends it; the step records when. */
export type NewAttachment = Omit<InquiryAttachment, 'at'>;

export type CommandType = Command['type'];

/** The person acting, with what they are to this inquiry. */
export interface Actor {
  person: PersonRef;
  role?: HandlerRole;
}

export type Refusal =
  | { reason: 'not_allowed' }
  | { reason: 'already_claimed'; by: PersonRef }
  | { reason: 'already_yours' }
  | { reason: 'held_by_other'; by: PersonRef }
  | { reason: 'closed'; status: InquiryStatus }
  | { reason: 'not_answered' }
  | { reason: 'already_resolved' }
  | { reason: 'unknown_recipient' }
  | { reason: 'empty_answer' }
  | { reason: 'end_of_chain' }
  | { reason: 'vendor_not_allowed' }
  | { reason: 'too_long'; max: number }
  | { reason: 'no_vendor_case' }
  | { reason: 'same_place' }
  | { reason: 'note_required' }
  | { reason: 'reopen_expired' }
  | { reason: 'already_rated' };

export type Decision =
  { ok: true; inquiry: Inquiry; notifications: NotificationIntent[] } | ({ ok: false } & Refusal);
