import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { answerCardData, renderAnswerCard } from '../../cards/answer';
import { askerStatusCardData, renderAskerStatusCard } from '../../cards/asker-status';
import { pickTopicCardData, renderPickTopicCard } from '../../cards/pick-topic';
import type { AdaptiveCardJson } from '../../cards/render';
import { currentNoticeCard } from '../../cards/notice';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import { Inputs, listInputs, Verbs } from '../../cards/verbs';
import { ratings } from '../../src/inquiries/inquiry';
import { setFocus } from './asker-focus';
import { myInquiriesCard } from './chat-commands';
import { actOnInquiry, type ActOutcome } from '../../src/inquiries/act-on-inquiry';
import { maxAnswerLength, type Command } from '../../src/inquiries/commands';
import { isAskerCommand } from '../../src/inquiries/state-machine';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { openInquiry } from '../../src/inquiries/open-inquiry';
import { obviousTopic } from '../../src/inquiries/topic';
import { similarInquiries } from '../../src/knowledge/similar';
import { actionKeyOf } from './action-key';
import type { HandlerDeps, Turn } from './context';
import { validatedAction } from './validated-action';

type Reply = AdaptiveCardJson | string;

const ref = z.string().trim().min(1).max(400);
const inquiryData = z.object({
  inquiryId: z.string().uuid(),
  /** The rendering of the inquiry the card showed (see `revisionOf`). */
  rev: z.union([z.string().max(20), z.number()]).optional(),
});
const schemas = {
  pickUnit: z.object({ draftId: ref, unitId: ref }),
  pickTopic: z.object({ draftId: ref, topicId: ref }),
  answer: inquiryData.extend({ answerText: z.string().max(maxAnswerLength * 2) }),
  handOver: inquiryData.extend({ handOverTo: ref }),
  escalate: inquiryData.extend({
    escalateNote: z
      .string()
      .max(maxAnswerLength * 2)
      .optional(),
    toVendor: z.enum(['true', 'false']).optional(),
  }),
  askAsker: inquiryData.extend({ askerQuestion: z.string().max(maxAnswerLength * 2) }),
  notResolved: inquiryData.extend({
    comment: z
      .string()
      .max(maxAnswerLength * 2)
      .optional(),
  }),
  resolve: inquiryData.extend({
    closingNote: z
      .string()
      .max(maxAnswerLength * 2)
      .optional(),
  }),
  rate: inquiryData.extend({
    rating: z.enum(ratings),
    ratingComment: z
      .string()
      .max(maxAnswerLength * 2)
      .optional(),
  }),
  page: z.object({ page: z.coerce.number().int().min(0).max(10_000) }),
  /** An action on one inquiry of "mine saker"; its text comes in that inquiry's own input. */
  listed: z.looseObject({
    inquiryId: z.string().uuid(),
    rev: z.union([z.string().max(20), z.number()]).optional(),
    page: z.coerce.number().int().min(0).max(10_000).optional(),
  }),
};

const listText = z
  .string()
  .max(maxAnswerLength * 2)
  .optional();

/** The text of one inquiry's input on "mine saker" (or the status card's own), if valid. */
function textOf(value: Record<string, unknown>, keys: string[]): string | undefined | false {
  for (const key of keys) {
    const parsed = listText.safeParse(value[key]);
    if (!parsed.success) return false;
    if (parsed.data !== undefined) return parsed.data.trim() || undefined;
  }
  return undefined;
}

/** Parses card data as untrusted input; a forged or stale payload is refused with a message. */
/** The message that explains why a command was refused, in the actor's language. */
export function refusalText(
  outcome: Exclude<ActOutcome, { ok: true }>,
  turn: Turn,
  command: Command,
): string {
  const { t, directory } = turn;
  switch (outcome.reason) {
    case 'not_allowed': {
      if (isAskerCommand(command)) return t.refusals.notAsker;
      const unit = outcome.inquiry ? directory.unit(outcome.inquiry.unitId)?.name : undefined;
      return t.refusals.notAllowed(unit ?? '');
    }
    case 'already_claimed':
      return t.refusals.alreadyClaimed(outcome.by.name);
    case 'already_yours':
      return t.refusals.alreadyYours;
    case 'held_by_other':
      return t.refusals.heldByOther(outcome.by.name);
    case 'closed':
      return t.refusals.closed(t.statuses[outcome.status].toLowerCase());
    case 'not_answered':
      return t.refusals.notAnswered;
    case 'already_resolved':
      return t.refusals.alreadyResolved;
    case 'unknown_recipient':
      return t.refusals.unknownRecipient;
    case 'empty_answer':
      return t.refusals.emptyAnswer;
    case 'too_long':
      return t.refusals.tooLong(outcome.max);
    case 'unknown_inquiry':
      return t.refusals.unknownInquiry;
    case 'busy':
      return t.refusals.busy;
    case 'end_of_chain':
      return t.refusals.endOfChain;
    case 'vendor_not_allowed':
      return t.refusals.vendorNotAllowed;
    case 'no_vendor_case':
      return t.refusals.noVendorCase;
    case 'same_place':
      return t.refusals.samePlace;
    case 'note_required':
      return t.refusals.noteRequired;
    case 'reopen_expired':
      return t.refusals.reopenExpired;
    case 'already_rated':
      return t.refusals.alreadyRated;
  }
}

/** The triage card as the clicker sees it now, with resolved inquiries like it. */
export async function triageView(
  deps: HandlerDeps,
  inquiry: Inquiry,
  turn: Turn,
  answerDraft?: string,
): Promise<AdaptiveCardJson> {
  const { directory } = turn;
  return renderTriageCard(
    triageCardData(inquiry, directory, turn.locale, {
      timeZone: directory.timeZone,
      mention: false,
      similar: await similarInquiries(deps.knowledge, inquiry),
      ...(answerDraft ? { answerDraft } : {}),
    }),
  );
}

function askerView(
  inquiry: Inquiry,
  turn: Turn,
  replyToId: string | undefined,
  now: Date,
): AdaptiveCardJson {
  const { directory } = turn;
  return replyToId && replyToId === inquiry.teams.askerStatus?.activityId
    ? renderAskerStatusCard(
        askerStatusCardData(inquiry, directory, inquiry.locale, directory.timeZone, now),
      )
    : renderAnswerCard(answerCardData(inquiry, directory, inquiry.locale, directory.timeZone, now));
}

/**
 * A ping or 1:1 notice the click came from, as it is now; with a refusal on it when the click was
 * refused. Undefined for any other card.
 */
function noticeView(
  inquiry: Inquiry,
  turn: Turn,
  replyToId: string | undefined,
  refusal?: string,
): AdaptiveCardJson | undefined {
  const notice = inquiry.teams.notices?.find((n) => replyToId && n.activityId === replyToId);
  if (!notice) return undefined;
  const { directory } = turn;
  return currentNoticeCard(
    notice.head,
    inquiry,
    directory,
    turn.locale,
    directory.timeZone,
    refusal,
  );
}

async function act(
  deps: HandlerDeps,
  turn: Turn,
  inquiryId: string,
  command: Command,
  view: (
    inquiry: Inquiry,
    refusal?: string,
  ) => AdaptiveCardJson | undefined | Promise<AdaptiveCardJson | undefined>,
  requestKey: string,
): Promise<Reply> {
  const outcome = await actOnInquiry(
    { ...deps, directory: turn.directory },
    inquiryId,
    turn.who.person,
    command,
    requestKey,
  );
  if (!outcome.ok) {
    turn.log
      .child({ inquiry: inquiryId })
      .info({ command: command.type, reason: outcome.reason }, 'card action refused');
    const text = refusalText(outcome, turn, command);
    // A stale card is answered with the card as it is now, saying why the click was refused.
    return (outcome.inquiry && (await view(outcome.inquiry, text))) ?? text;
  }
  if (outcome.repeat)
    turn.log
      .child({ inquiry: inquiryId })
      .info({ command: command.type }, 'card action repeated, taken once');
  else deps.notify();
  return (await view(outcome.inquiry)) ?? triageView(deps, outcome.inquiry, turn);
}

/** Builds the handler of every card verb. */
export function cardActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<Reply>> {
  /** Reads the turn and validates the card data before the handler sees it. */
  const on = <T>(
    schema: z.ZodType<T>,
    handle: (context: TurnContext, turn: Turn, value: T) => Promise<Reply>,
  ) => validatedAction(deps, schema, handle);
  /** A command on an inquiry, answered with the card the clicker was looking at, as it now is. */
  const command = <T extends { inquiryId: string; rev?: unknown }>(
    verb: string,
    schema: z.ZodType<T>,
    toCommand: (value: T) => Command,
    card: 'triage' | 'asker',
  ) =>
    on(schema, (context, turn, value) =>
      act(
        deps,
        turn,
        value.inquiryId,
        toCommand(value),
        (inquiry, refusal) => {
          const { replyToId } = context.activity;
          if (card === 'asker')
            return refusal ? undefined : askerView(inquiry, turn, replyToId, deps.clock.now());
          return (
            noticeView(inquiry, turn, replyToId, refusal) ??
            (refusal ? undefined : triageView(deps, inquiry, turn))
          );
        },
        actionKeyOf(context, turn.who.person.key, verb, value),
      ),
    );

  /**
   * An asker's action on one inquiry of "mine saker" (or its status card): carried out, then the
   * list again at the same page with a line saying what happened, or the status card when pressed
   * there.
   */
  const onListed = (
    verb: string,
    inputKeys: (inquiryId: string) => string[],
    toCommand: (text?: string) => Command,
  ) =>
    on(schemas.listed, async (context, turn, value) => {
      const text = textOf(value, inputKeys(value.inquiryId));
      if (text === false) return turn.t.refusals.invalidAction;
      const command = toCommand(text);
      const outcome = await actOnInquiry(
        { ...deps, directory: turn.directory },
        value.inquiryId,
        turn.who.person,
        command,
        actionKeyOf(context, turn.who.person.key, verb, value),
      );
      if (!outcome.ok) {
        turn.log
          .child({ inquiry: value.inquiryId })
          .info({ command: command.type, reason: outcome.reason }, 'asker action refused');
        return refusalText(outcome, turn, command);
      }
      if (!outcome.repeat) deps.notify();
      const { inquiry } = outcome;
      if (command.type === 'add_info') await setFocus(deps, turn.who.person.key, inquiry.id);
      if (value.page === undefined)
        return askerView(inquiry, turn, context.activity.replyToId, deps.clock.now());
      const notice =
        command.type === 'withdraw'
          ? turn.t.askerOutcomes.withdrawn(inquiry.number)
          : command.type === 'reopen'
            ? turn.t.askerOutcomes.reopened(inquiry.number)
            : turn.t.askerOutcomes.infoAdded(inquiry.number);
      return myInquiriesCard(deps, turn, value.page, notice);
    });

  return {
    [Verbs.claim]: command(Verbs.claim, inquiryData, () => ({ type: 'claim' }), 'triage'),
    [Verbs.resolve]: command(
      Verbs.resolve,
      schemas.resolve,
      (v) => {
        const note = v.closingNote?.trim();
        return { type: 'resolve', ...(note ? { note } : {}) };
      },
      'triage',
    ),
    [Verbs.answer]: command(
      Verbs.answer,
      schemas.answer,
      (v) => ({ type: 'answer', text: v.answerText }),
      'triage',
    ),
    [Verbs.handOver]: command(
      Verbs.handOver,
      schemas.handOver,
      (v) => ({ type: 'hand_over', toKey: v.handOverTo }),
      'triage',
    ),
    [Verbs.escalate]: command(
      Verbs.escalate,
      schemas.escalate,
      (v) => {
        const note = v.escalateNote?.trim();
        return {
          type: 'escalate',
          ...(note ? { note } : {}),
          ...(v.toVendor === 'true' ? { toVendor: true } : {}),
        };
      },
      'triage',
    ),
    [Verbs.askAsker]: command(
      Verbs.askAsker,
      schemas.askAsker,
      (v) => ({ type: 'ask_asker', question: v.askerQuestion }),
      'triage',
    ),
    [Verbs.confirmResolved]: command(
      Verbs.confirmResolved,
      inquiryData,
      () => ({ type: 'confirm_resolved' }),
      'asker',
    ),
    [Verbs.notResolved]: command(
      Verbs.notResolved,
      schemas.notResolved,
      (v) => {
        const comment = v.comment?.trim();
        return { type: 'not_resolved', ...(comment ? { comment } : {}) };
      },
      'asker',
    ),
    [Verbs.rate]: command(
      Verbs.rate,
      schemas.rate,
      (v) => {
        const comment = v.ratingComment?.trim();
        return { type: 'rate', rating: v.rating, ...(comment ? { comment } : {}) };
      },
      'asker',
    ),
    [Verbs.myInquiries]: on(schemas.page, (_context, turn, value) =>
      myInquiriesCard(deps, turn, value.page),
    ),
    [Verbs.addInfo]: onListed(
      Verbs.addInfo,
      (id) => [listInputs.info(id)],
      (text) => ({
        type: 'add_info',
        text: text ?? '',
      }),
    ),
    [Verbs.withdraw]: onListed(
      Verbs.withdraw,
      (id) => [listInputs.reason(id)],
      (reason) => ({
        type: 'withdraw',
        ...(reason ? { reason } : {}),
      }),
    ),
    [Verbs.reopen]: onListed(
      Verbs.reopen,
      (id) => [listInputs.comment(id), Inputs.comment],
      (comment) => ({
        type: 'reopen',
        ...(comment ? { comment } : {}),
      }),
    ),
    [Verbs.pickUnit]: on(schemas.pickUnit, async (context, turn, value) => {
      const draft = await deps.store.drafts.get(value.draftId);
      const unit = turn.directory.unit(value.unitId);
      if (!draft || draft.askerKey !== turn.who.person.key || !unit)
        return turn.t.refusals.invalidAction;
      await rememberUnit(deps, turn, unit.id);
      await deps.store.drafts.setUnit(draft.id, unit.id);
      const topicId = obviousTopic(turn.directory.allTopics(), draft.text);
      if (topicId) return openFromDraft(context, deps, turn, draft.id, unit.id, topicId);
      return renderPickTopicCard(
        pickTopicCardData(turn.directory, draft.locale, draft.id, draft.text),
      );
    }),
    [Verbs.pickTopic]: on(schemas.pickTopic, async (context, turn, value) => {
      const draft = await deps.store.drafts.get(value.draftId);
      const topic = turn.directory.topic(value.topicId);
      const unitId = draft?.unitId ?? (turn.who.known ? turn.who.unitId : undefined);
      if (
        !draft ||
        draft.askerKey !== turn.who.person.key ||
        !topic ||
        !unitId ||
        !turn.directory.unit(unitId)
      ) {
        return turn.t.refusals.invalidAction;
      }
      return openFromDraft(context, deps, turn, draft.id, unitId, topic.id);
    }),
  };
}

export async function rememberUnit(deps: HandlerDeps, turn: Turn, unitId: string): Promise<void> {
  const { person } = turn.who;
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await deps.store.profiles.get(person.key);
    const saved = await deps.store.profiles.put({
      key: person.key,
      name: person.name,
      unitId,
      ...(existing?.etag ? { etag: existing.etag } : {}),
    });
    if (saved.ok) return;
  }
}

/** Opens the inquiry a draft describes; the card the asker clicked becomes the status card. */
export async function openFromDraft(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  draftId: string,
  unitId: string,
  topicId: string,
): Promise<Reply> {
  const draft = await deps.store.drafts.get(draftId);
  if (!draft) return turn.t.ask.expired;
  const replyToId = context.activity.replyToId;
  const { inquiry, created } = await openInquiry(
    { ...deps, directory: turn.directory },
    {
      requestKey: draft.id,
      asker: turn.who.person,
      unitId,
      topicId,
      text: draft.text,
      locale: draft.locale,
      ...(draft.attachments ? { attachments: draft.attachments } : {}),
      ...(replyToId
        ? {
            askerStatusCard: {
              conversationId: context.activity.conversation.id,
              activityId: replyToId,
            },
          }
        : {}),
    },
  );
  turn.log.child({ inquiry: inquiry.id }).info({ created }, 'inquiry opened');
  await deps.store.drafts.finish(draft.id);
  deps.notify();
  return renderAskerStatusCard(
    askerStatusCardData(inquiry, turn.directory, inquiry.locale, turn.directory.timeZone),
  );
}
