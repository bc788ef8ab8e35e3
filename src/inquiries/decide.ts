import type { NotificationIntent } from '../notifications/intents';
import { mayOverrideHolder, type HandlerRole } from '../routing/authorisation';
import type { Inquiry, InquiryEvent, InquiryStatus } from './inquiry';
import type { PersonRef } from './person';

export const maxAnswerLength = 8000;

export type Command =
  | { type: 'claim' }
  | { type: 'answer'; text: string }
  | { type: 'hand_over'; toKey: string }
  | { type: 'resolve' }
  | { type: 'confirm_resolved' }
  | { type: 'not_resolved'; comment?: string };

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
  | { reason: 'too_long'; max: number };

export type Decision =
  { ok: true; inquiry: Inquiry; notifications: NotificationIntent[] } | ({ ok: false } & Refusal);

const handlerCommands: ReadonlySet<CommandType> = new Set([
  'claim',
  'answer',
  'hand_over',
  'resolve',
]);

/** Commands only the asker may give: saying whether the answer solved the problem. */
export function isAskerCommand(command: Command): boolean {
  return !handlerCommands.has(command.type);
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
      ...inquiry,
      ...patch,
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
      if (!['new', 'claimed', 'answered'].includes(inquiry.status)) {
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
