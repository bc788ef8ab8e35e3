import type {
  ChainMember,
  Inquiry,
  InquiryAttachment,
  InquiryEvent,
  PostedCard,
} from '../inquiries/inquiry';
import type { PersonRef } from '../inquiries/person';
import type { Pseudonymise } from './pseudonym';

// What is left of an inquiry once its retention period has passed: the figures reports count
// (times, statuses, levels, unit, work area, topic, escalations and their reasons, deadlines,
// the rating as a value) and nothing anyone wrote or anyone's name. People become placeholders,
// the same one for the same person, so counts of askers and handlers stay right.

function anonymous(person: PersonRef, pseudonymise: Pseudonymise): PersonRef {
  return { key: pseudonymise(person.key), name: '' };
}

function anonymousBy(
  by: { key: string; name: string },
  pseudonymise: Pseudonymise,
): { key: string; name: string } {
  return { key: pseudonymise(by.key), name: '' };
}

function member(person: ChainMember, pseudonymise: Pseudonymise): ChainMember {
  return {
    ...anonymous(person, pseudonymise),
    ...(person.away
      ? {
          away: {
            until: person.away.until,
            ...(person.away.deputy ? { deputy: anonymous(person.away.deputy, pseudonymise) } : {}),
          },
        }
      : {}),
  };
}

function event(e: InquiryEvent, pseudonymise: Pseudonymise): InquiryEvent {
  const { by, to, note: _note, attachments, ...kept } = e;
  return {
    ...kept,
    ...(by ? { by: anonymousBy(by, pseudonymise) } : {}),
    ...(to ? { to: anonymousBy(to, pseudonymise) } : {}),
    // How many files came with the step is kept; their names are not.
    ...(attachments ? { attachments: attachments.map(() => '') } : {}),
  };
}

function attachment(a: InquiryAttachment): InquiryAttachment {
  return {
    name: '',
    contentType: a.contentType,
    ...(a.size !== undefined ? { size: a.size } : {}),
    url: '',
    at: a.at,
  };
}

function card(posted: PostedCard, pseudonymise: Pseudonymise): PostedCard {
  return {
    conversationId: posted.conversationId,
    activityId: posted.activityId,
    ...(posted.recipientKey ? { recipientKey: pseudonymise(posted.recipientKey) } : {}),
  };
}

/** The inquiry with its text and people removed, marked as redacted at `at`. */
export function redactInquiry(inquiry: Inquiry, pseudonymise: Pseudonymise, at: string): Inquiry {
  const anon = (person: PersonRef) => anonymous(person, pseudonymise);
  const {
    assignee,
    answer,
    vendorCase,
    attachments,
    closingNote,
    rating,
    chain,
    teams,
    history,
    ...kept
  } = inquiry;
  return {
    ...kept,
    text: '',
    asker: anon(inquiry.asker),
    chain: {
      superuser: chain.superuser.map((p) => member(p, pseudonymise)),
      coordinator: chain.coordinator.map((p) => member(p, pseudonymise)),
      system_responsible: chain.system_responsible.map((p) => member(p, pseudonymise)),
      vendor: { name: '', email: '' },
      ...(chain.skipped ? { skipped: chain.skipped } : {}),
    },
    ...(assignee ? { assignee: anon(assignee) } : {}),
    ...(answer ? { answer: { text: '', by: anon(answer.by), at: answer.at } } : {}),
    ...(closingNote
      ? { closingNote: { text: '', by: anon(closingNote.by), at: closingNote.at } }
      : {}),
    ...(vendorCase
      ? {
          vendorCase: {
            at: vendorCase.at,
            ...(vendorCase.by ? { by: anonymousBy(vendorCase.by, pseudonymise) } : {}),
            vendor: { name: '', email: '' },
            subject: '',
            ...(vendorCase.reply
              ? {
                  reply: {
                    text: '',
                    at: vendorCase.reply.at,
                    by: anonymousBy(vendorCase.reply.by, pseudonymise),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(attachments ? { attachments: attachments.map(attachment) } : {}),
    ...(rating ? { rating: { rating: rating.rating, at: rating.at } } : {}),
    teams: {
      triageCards: teams.triageCards.map((c) => card(c, pseudonymise)),
      ...(teams.askerStatus ? { askerStatus: card(teams.askerStatus, pseudonymise) } : {}),
      // What the notices said at their top names people: they are not kept.
    },
    history: history.map((e) => event(e, pseudonymise)),
    redactedAt: at,
  };
}

/** Whether the inquiry's text and people have been removed already. */
export function isRedacted(inquiry: Pick<Inquiry, 'redactedAt'>): boolean {
  return inquiry.redactedAt !== undefined;
}
