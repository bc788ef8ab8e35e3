import { handlerRoles } from '../routing/authorisation';
import type { Actor, Command, Decision } from './commands';
import type { Inquiry } from './inquiry';
import { addNote } from './transitions/add-note';
import { answer } from './transitions/answer';
import { askAsker } from './transitions/ask-asker';
import { askerReply } from './transitions/asker-reply';
import { claim } from './transitions/claim';
import { confirmResolved } from './transitions/confirm-resolved';
import { escalate } from './transitions/escalate';
import { escalateToVendor } from './transitions/escalate-to-vendor';
import { handOver } from './transitions/hand-over';
import { notResolved } from './transitions/not-resolved';
import { move } from './transitions/move';
import { resolve } from './transitions/resolve';
import { updateVendorCase } from './transitions/update-vendor-case';
import { addInfo } from './transitions/add-info';
import { rate } from './transitions/rate';
import { reopen } from './transitions/reopen';
import { withdraw } from './transitions/withdraw';
import {
  standingOf,
  stepOf,
  type Guarded,
  type Standing,
  type Transition,
} from './transitions/transition';

/** Every step the state machine knows, each with its own guard, in the order cards offer them. */
const transitions = {
  claim,
  answer,
  hand_over: handOver,
  escalate,
  escalate_to_vendor: escalateToVendor,
  ask_asker: askAsker,
  resolve,
  asker_reply: askerReply,
  confirm_resolved: confirmResolved,
  not_resolved: notResolved,
  add_note: addNote,
  update_vendor_case: updateVendorCase,
  move,
  add_info: addInfo,
  withdraw,
  reopen,
  rate,
} satisfies Record<string, Guarded>;

/** The name of a step: a command's type, except that escalating to the vendor is its own step. */
export type TransitionName = keyof typeof transitions;

/** Every step, in the order cards offer them. */
export const transitionNames = Object.keys(transitions) as readonly TransitionName[];

/** The step a command asks for. */
export function transitionName(command: Command): TransitionName {
  return command.type === 'escalate' && command.toVendor ? 'escalate_to_vendor' : command.type;
}

/** Commands only the asker may give: the reply to a question, and whether the answer solved it. */
export function isAskerCommand(command: Command): boolean {
  return transitions[transitionName(command)].givenBy === 'asker';
}

/** Whether someone of this standing gives this kind of command at all. */
function gives(step: Guarded, standing: Standing): boolean {
  return step.givenBy === 'asker' ? standing.asker : standing.role !== undefined;
}

function mayTake(step: Guarded, inquiry: Inquiry, standing: Standing): boolean {
  return gives(step, standing) && step.guard(inquiry, standing) === undefined;
}

function allowedFor(inquiry: Inquiry, standing: Standing): TransitionName[] {
  return transitionNames.filter((name) => mayTake(transitions[name], inquiry, standing));
}

/**
 * What this person may do with this inquiry now, by the same guards `decide` applies. Steps that
 * depend on time (reopening within the organisation's period) need `at`.
 */
export function allowedTransitions(inquiry: Inquiry, actor: Actor, at?: Date): TransitionName[] {
  return allowedFor(inquiry, standingOf(inquiry, actor, at));
}

/**
 * What at least one of the inquiry's handlers may do with it now: someone of any handler role,
 * holding it or not. A card that every handler shares (the triage card in a channel, a ping in its
 * thread) offers this set, and the state machine still checks the one who acts.
 */
export function handlerTransitions(inquiry: Inquiry): TransitionName[] {
  const holding = inquiry.assignee ? [true, false] : [false];
  const allowed = new Set(
    handlerRoles.flatMap((role) =>
      holding.flatMap((holder) => allowedFor(inquiry, { role, holder, asker: false })),
    ),
  );
  return transitionNames.filter((name) => allowed.has(name));
}

function take<C extends Command>(
  transition: Transition<C>,
  inquiry: Inquiry,
  command: C,
  actor: Actor,
  now: Date,
): Decision {
  const standing = standingOf(inquiry, actor, now);
  if (!gives(transition, standing)) return { ok: false, reason: 'not_allowed' };
  const refusal = transition.check?.(command) ?? transition.guard(inquiry, standing);
  if (refusal) return { ok: false, ...refusal };
  return transition.apply(inquiry, command, stepOf(inquiry, actor, now));
}

/**
 * The inquiry state machine. Pure: given an inquiry, a command and who gives it, returns the
 * changed inquiry with its new history event and who must be told, or why it is refused.
 */
export function decide(inquiry: Inquiry, command: Command, actor: Actor, now: Date): Decision {
  switch (command.type) {
    case 'claim':
      return take(claim, inquiry, command, actor, now);
    case 'answer':
      return take(answer, inquiry, command, actor, now);
    case 'hand_over':
      return take(handOver, inquiry, command, actor, now);
    case 'escalate':
      return command.toVendor
        ? take(escalateToVendor, inquiry, command, actor, now)
        : take(escalate, inquiry, command, actor, now);
    case 'ask_asker':
      return take(askAsker, inquiry, command, actor, now);
    case 'resolve':
      return take(resolve, inquiry, command, actor, now);
    case 'asker_reply':
      return take(askerReply, inquiry, command, actor, now);
    case 'confirm_resolved':
      return take(confirmResolved, inquiry, command, actor, now);
    case 'not_resolved':
      return take(notResolved, inquiry, command, actor, now);
    case 'add_note':
      return take(addNote, inquiry, command, actor, now);
    case 'update_vendor_case':
      return take(updateVendorCase, inquiry, command, actor, now);
    case 'move':
      return take(move, inquiry, command, actor, now);
    case 'add_info':
      return take(addInfo, inquiry, command, actor, now);
    case 'withdraw':
      return take(withdraw, inquiry, command, actor, now);
    case 'reopen':
      return take(reopen, inquiry, command, actor, now);
    case 'rate':
      return take(rate, inquiry, command, actor, now);
  }
}
