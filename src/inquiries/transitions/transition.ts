import type { HandlerNoticeReason, NotificationIntent } from '../../notifications/intents';
import { targetsAt } from '../../routing/chain';
import { mayOverrideHolder, type HandlerRole } from '../../routing/authorisation';
import {
  maxAnswerLength,
  type Actor,
  type Command,
  type Decision,
  type Refusal,
} from '../commands';
import type { Inquiry, InquiryAttachment, InquiryEvent } from '../inquiry';
import type { NewAttachment } from '../commands';
import { startOf } from '../../text';

/** What the person acting is to the inquiry: all a guard may look at besides the inquiry. */
export interface Standing {
  /** Their handler role for the inquiry's unit; absent for anyone else. */
  role?: HandlerRole;
  /** They asked the question. */
  asker: boolean;
  /** They hold the inquiry now. */
  holder: boolean;
  /** When they would take the step; a guard that depends on time refuses without it. */
  at?: string;
}

export function standingOf(inquiry: Inquiry, actor: Actor, at?: Date): Standing {
  return {
    ...(at ? { at: at.toISOString() } : {}),
    ...(actor.role ? { role: actor.role } : {}),
    asker: actor.person.key === inquiry.asker.key,
    holder: inquiry.assignee !== undefined && inquiry.assignee.key === actor.person.key,
  };
}

/** Whether someone may take a step with an inquiry as it is now, whatever they write with it. */
export interface Guarded {
  /** Who gives the command: the asker, or a handler of the inquiry. */
  readonly givenBy: 'asker' | 'handler';
  /** Why someone of this standing may not take this step in the inquiry's current state. */
  readonly guard: (inquiry: Inquiry, standing: Standing) => Refusal | undefined;
}

/** One named step of the state machine: its guard, and what it changes once the guard passes. */
export interface Transition<C extends Command> extends Guarded {
  /** What is wrong with the command's own content (an empty answer), checked before the guard. */
  readonly check?: (command: C) => Refusal | undefined;
  readonly apply: (inquiry: Inquiry, command: C, step: Step) => Decision;
}

/** What a transition works with once its guard has passed. */
export interface Step {
  actor: Actor;
  /** When it happens, as an ISO instant. */
  at: string;
  /** Every card about the inquiry shows the change: the triage cards and the asker's status. */
  everyone: NotificationIntent[];
  /** The changed inquiry with its new history event, and who must be told. */
  change(
    patch: Partial<Inquiry>,
    event: Omit<InquiryEvent, 'at' | 'by'>,
    notifications: NotificationIntent[],
  ): Decision;
}

/** An object without the keys set to undefined, so a patch can remove a field. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function who(person: { key: string; name: string }): { key: string; name: string } {
  return { key: person.key, name: person.name };
}

export function stepOf(inquiry: Inquiry, actor: Actor, now: Date): Step {
  const at = now.toISOString();
  return {
    actor,
    at,
    everyone: [
      { kind: 'triage.update', inquiryId: inquiry.id },
      { kind: 'asker.status', inquiryId: inquiry.id },
    ],
    change: (patch, event, notifications) => ({
      ok: true,
      inquiry: {
        ...withoutUndefined({ ...inquiry, ...patch }),
        updatedAt: at,
        history: [...inquiry.history, { ...event, at, by: who(actor.person) }],
      },
      notifications,
    }),
  };
}

/** A note or comment as it is kept: trimmed, cut to the longest answer, absent when empty. */
export function clip(text: string | undefined): string | undefined {
  return (text && startOf(text.trim(), maxAnswerLength)) || undefined;
}

/** Refuses written text that is empty or longer than an answer may be. */
export function textRefusal(text: string): Refusal | undefined {
  const trimmed = text.trim();
  if (!trimmed) return { reason: 'empty_answer' };
  if (trimmed.length > maxAnswerLength) return { reason: 'too_long', max: maxAnswerLength };
  return undefined;
}

/** A handler who neither holds the inquiry nor may override its holder is refused. */
export function holderRefusal(inquiry: Inquiry, standing: Standing): Refusal | undefined {
  const holder = inquiry.assignee;
  if (!holder || standing.holder) return undefined;
  if (standing.role && mayOverrideHolder(standing.role)) return undefined;
  return { reason: 'held_by_other', by: holder };
}

/** Refuses a step that the inquiry's status does not allow, saying which status it is in. */
export function closedUnless(allowed: boolean, inquiry: Inquiry): Refusal | undefined {
  return allowed ? undefined : { reason: 'closed', status: inquiry.status };
}

/** The attachments as the inquiry keeps them, stamped with when they came. */
export function stamped(attachments: NewAttachment[] | undefined, at: string): InquiryAttachment[] {
  return (attachments ?? []).map((a) => ({ ...a, at }));
}

/**
 * Who must hear of something the asker did: the holder, or else everyone at the inquiry's level.
 */
export function handlersToTell(
  inquiry: Inquiry,
  reason: HandlerNoticeReason,
  note: string | undefined,
): NotificationIntent[] {
  const people = inquiry.assignee ? [inquiry.assignee] : targetsAt(inquiry.chain, inquiry.level);
  return people.map((person) => ({
    kind: 'handler.notice',
    inquiryId: inquiry.id,
    recipientKey: person.key,
    reason,
    ...(note ? { note } : {}),
  }));
}
