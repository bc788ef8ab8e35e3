import type { NotificationIntent } from '../notifications/intents';
import { mayOverrideHolder, type HandlerRole } from '../routing/authorisation';
import { nextLevel } from '../routing/chain';
import type { Inquiry, InquiryEvent, InquiryStatus, Level, VendorCase } from './inquiry';
import type { PersonRef } from './person';

export const maxAnswerLength = 8000;

export type Command =
  | { type: 'claim' }
  | { type: 'answer'; text: string }
  | { type: 'hand_over'; toKey: string }
  | { type: 'resolve' }
  | { type: 'confirm_resolved' }
  | { type: 'not_resolved'; comment?: string }
  | { type: 'escalate'; note?: string; toVendor?: boolean }
  | { type: 'ask_asker'; question: string }
  | { type: 'asker_reply'; text: string; requestKey?: string };

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
  | { reason: 'unknown_recipient' }
  | { reason: 'empty_answer' }
  | { reason: 'end_of_chain' }
  | { reason: 'vendor_not_allowed' }
  | { reason: 'too_long'; max: number };

export type Decision =
  { ok: true; inquiry: Inquiry; notifications: NotificationIntent[] } | ({ ok: false } & Refusal);

const handlerCommands: ReadonlySet<CommandType> = new Set([
  'claim',
  'answer',
  'hand_over',
  'resolve',
  'escalate',
  'ask_asker',
]);

/** Commands only the asker may give: saying whether the answer solved the problem. */
export function isAskerCommand(command: Command): boolean {
  return !handlerCommands.has(command.type);
}

/** The subject line of the email to the vendor: number and the start of the question. */
export function vendorSubject(inquiry: Inquiry): string {
  const firstLine = inquiry.text.split('\n')[0].trim();
  const start = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  return `${inquiry.number}: ${start}`;
}

/** The vendor case recorded when an inquiry reaches the vendor level. */
export function vendorCase(inquiry: Inquiry, at: string, by?: PersonRef): VendorCase {
  return {
    at,
    ...(by ? { by: { key: by.key, name: by.name } } : {}),
    vendor: { ...inquiry.chain.vendor },
    subject: vendorSubject(inquiry),
  };
}

/**
 * Who must be told when an inquiry moves to `level`: the level's people are mentioned, the asker
 * hears where it went, and everyone's cards show the new level.
 */
export function escalationNotices(
  inquiry: Inquiry,
  level: Level,
  reason: 'deadline' | 'claim_timeout' | 'manual',
): NotificationIntent[] {
  const id = inquiry.id;
  return [
    { kind: 'triage.update', inquiryId: id },
    { kind: 'asker.status', inquiryId: id },
    { kind: 'asker.notice', inquiryId: id, reason: 'escalated' },
    ...(level === 'vendor'
      ? []
      : [{ kind: 'escalation.ping', inquiryId: id, level, reason } as const]),
  ];
}

/** An object without the keys set to undefined, so a patch can remove a field. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function clip(text: string | undefined): string | undefined {
  return text?.trim().slice(0, maxAnswerLength) || undefined;
}

function refuse(refusal: Refusal): Decision {
  return { ok: false, ...refusal };
}

function who(person: PersonRef): { key: string; name: string } {
  return { key: person.key, name: person.name };
}

function isHolder(inquiry: Inquiry, actor: Actor): boolean {
  return inquiry.assignee?.key === actor.person.key;
}

/** A handler who neither holds the inquiry nor may override its holder is refused. */
function holderRefusal(inquiry: Inquiry, actor: Actor): Refusal | undefined {
  const holder = inquiry.assignee;
  if (!holder || isHolder(inquiry, actor)) return undefined;
  if (actor.role && mayOverrideHolder(actor.role)) return undefined;
  return { reason: 'held_by_other', by: holder };
}

/**
 * The inquiry state machine. Pure: given an inquiry, a command and who gives it, returns the
 * changed inquiry with its new history event and who must be told, or why it is refused.
 */
export function decide(inquiry: Inquiry, command: Command, actor: Actor, now: Date): Decision {
  const isAsker = actor.person.key === inquiry.asker.key;
  if (isAskerCommand(command) ? !isAsker : !actor.role) {
    return refuse({ reason: 'not_allowed' });
  }
  const at = now.toISOString();
  const change = (
    patch: Partial<Inquiry>,
    event: Omit<InquiryEvent, 'at' | 'by'>,
    notifications: NotificationIntent[],
  ): Decision => ({
    ok: true,
    inquiry: {
      ...withoutUndefined({ ...inquiry, ...patch }),
      updatedAt: at,
      history: [...inquiry.history, { ...event, at, by: who(actor.person) }],
    },
    notifications,
  });
  const id = inquiry.id;
  const everyone: NotificationIntent[] = [
    { kind: 'triage.update', inquiryId: id },
    { kind: 'asker.status', inquiryId: id },
  ];

  switch (command.type) {
    case 'claim': {
      if (inquiry.status !== 'new' && inquiry.status !== 'claimed') {
        return refuse({ reason: 'closed', status: inquiry.status });
      }
      if (inquiry.assignee) {
        return refuse(
          isHolder(inquiry, actor)
            ? { reason: 'already_yours' }
            : { reason: 'already_claimed', by: inquiry.assignee },
        );
      }
      return change(
        { status: 'claimed', assignee: actor.person },
        { type: 'claimed', level: inquiry.level },
        everyone,
      );
    }
    case 'answer': {
      const text = command.text.trim();
      if (!text) return refuse({ reason: 'empty_answer' });
      if (text.length > maxAnswerLength)
        return refuse({ reason: 'too_long', max: maxAnswerLength });
      // A stalled inquiry is answered when the vendor finally replies; a handler waiting for the
      // asker may answer without the reply.
      const answerable: InquiryStatus[] = [
        'new',
        'claimed',
        'answered',
        'stalled',
        'waiting_for_asker',
      ];
      if (!answerable.includes(inquiry.status)) {
        return refuse({ reason: 'closed', status: inquiry.status });
      }
      const held = holderRefusal(inquiry, actor);
      if (held) return refuse(held);
      return change(
        {
          status: 'answered',
          assignee: inquiry.assignee ?? actor.person,
          answer: { text, by: actor.person, at },
        },
        { type: 'answered', level: inquiry.level },
        [...everyone, { kind: 'asker.answer', inquiryId: id }],
      );
    }
    case 'hand_over': {
      if (inquiry.status !== 'new' && inquiry.status !== 'claimed') {
        return refuse({ reason: 'closed', status: inquiry.status });
      }
      const held = holderRefusal(inquiry, actor);
      if (held) return refuse(held);
      const to = inquiry.chain.superuser.find((p) => p.key === command.toKey);
      if (!to || to.key === inquiry.assignee?.key) return refuse({ reason: 'unknown_recipient' });
      return change(
        { status: 'claimed', assignee: to },
        { type: 'handed_over', level: inquiry.level, to: who(to) },
        [
          ...everyone,
          { kind: 'handler.notice', inquiryId: id, recipientKey: to.key, reason: 'handed_over' },
        ],
      );
    }
    case 'resolve': {
      if (
        !['new', 'claimed', 'answered', 'waiting_for_asker', 'stalled'].includes(inquiry.status)
      ) {
        return refuse({ reason: 'closed', status: inquiry.status });
      }
      const held = holderRefusal(inquiry, actor);
      if (held) return refuse(held);
      return change({ status: 'resolved' }, { type: 'resolved', level: inquiry.level }, everyone);
    }
    case 'escalate': {
      if (inquiry.status !== 'new' && inquiry.status !== 'claimed') {
        return refuse({ reason: 'closed', status: inquiry.status });
      }
      const held = holderRefusal(inquiry, actor);
      if (held) return refuse(held);
      if (command.toVendor && actor.role === 'superuser') {
        return refuse({ reason: 'vendor_not_allowed' });
      }
      const level = command.toVendor ? 'vendor' : nextLevel(inquiry.chain, inquiry.level);
      if (!level || level === inquiry.level) return refuse({ reason: 'end_of_chain' });
      const note = clip(command.note);
      const event = {
        type: 'escalated',
        level,
        reason: 'manual',
        ...(note ? { note } : {}),
      } as const;
      const notices = escalationNotices(inquiry, level, 'manual');
      if (level !== 'vendor') {
        // The next level starts afresh: nobody there holds it yet.
        return change({ level, status: 'new', assignee: undefined }, event, notices);
      }
      return change(
        {
          level,
          status: 'claimed',
          assignee: actor.person,
          vendorCase: vendorCase(inquiry, at, actor.person),
        },
        event,
        [
          ...notices,
          {
            kind: 'handler.notice',
            inquiryId: id,
            recipientKey: actor.person.key,
            reason: 'vendor_case',
          },
        ],
      );
    }
    case 'ask_asker': {
      const question = command.question.trim();
      if (!question) return refuse({ reason: 'empty_answer' });
      if (question.length > maxAnswerLength)
        return refuse({ reason: 'too_long', max: maxAnswerLength });
      if (inquiry.status !== 'new' && inquiry.status !== 'claimed') {
        return refuse({ reason: 'closed', status: inquiry.status });
      }
      const held = holderRefusal(inquiry, actor);
      if (held) return refuse(held);
      return change(
        { status: 'waiting_for_asker', assignee: inquiry.assignee ?? actor.person },
        { type: 'asked_asker', level: inquiry.level, note: question },
        [...everyone, { kind: 'asker.question', inquiryId: id }],
      );
    }
    case 'asker_reply': {
      const text = command.text.trim();
      if (!text) return refuse({ reason: 'empty_answer' });
      if (text.length > maxAnswerLength)
        return refuse({ reason: 'too_long', max: maxAnswerLength });
      if (inquiry.status !== 'waiting_for_asker' || !inquiry.assignee) {
        return refuse({ reason: 'closed', status: inquiry.status });
      }
      return change(
        { status: 'claimed' },
        {
          type: 'asker_replied',
          level: inquiry.level,
          note: text,
          ...(command.requestKey ? { requestKey: command.requestKey } : {}),
        },
        [
          ...everyone,
          {
            kind: 'handler.notice',
            inquiryId: id,
            recipientKey: inquiry.assignee.key,
            reason: 'asker_replied',
            note: text,
          },
        ],
      );
    }
    case 'confirm_resolved': {
      if (inquiry.status !== 'answered') return refuse({ reason: 'not_answered' });
      return change({ status: 'resolved' }, { type: 'confirmed_resolved' }, everyone);
    }
    case 'not_resolved': {
      if (inquiry.status !== 'answered') return refuse({ reason: 'not_answered' });
      const note = command.comment?.trim().slice(0, maxAnswerLength) || undefined;
      const notices: NotificationIntent[] = inquiry.assignee
        ? [
            {
              kind: 'handler.notice',
              inquiryId: id,
              recipientKey: inquiry.assignee.key,
              reason: 'reopened',
              ...(note ? { note } : {}),
            },
          ]
        : [];
      return change(
        { status: inquiry.assignee ? 'claimed' : 'new' },
        { type: 'reopened', level: inquiry.level, ...(note ? { note } : {}) },
        [...everyone, ...notices],
      );
    }
  }
}
