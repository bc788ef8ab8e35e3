import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { answerCardData, renderAnswerCard } from '../../cards/answer';
import { askerStatusCardData, renderAskerStatusCard } from '../../cards/asker-status';
import { pickTopicCardData, renderPickTopicCard } from '../../cards/pick-topic';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import { Verbs } from '../../cards/verbs';
import { actOnInquiry, type ActOutcome } from '../../src/inquiries/act-on-inquiry';
import { maxAnswerLength, type Command } from '../../src/inquiries/commands';
import { isAskerCommand } from '../../src/inquiries/state-machine';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { openInquiry } from '../../src/inquiries/open-inquiry';
import { obviousTopic } from '../../src/inquiries/topic';
import { similarInquiries } from '../../src/knowledge/similar';
import type { Messages } from '../../src/i18n';
import { readTurn, type HandlerDeps, type Turn } from './context';

type Reply = AdaptiveCardJson | string;

const ref = z.string().trim().min(1).max(400);
const inquiryData = z.object({ inquiryId: z.string().uuid() });
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
};

/** Parses card data as untrusted input; a forged or stale payload is refused with a message. */
function parse<T>(
  schema: z.ZodType<T>,
  data: unknown,
  t: Messages,
): { ok: true; value: T } | { ok: false; reply: string } {
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, reply: t.refusals.invalidAction };
}

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

function askerView(inquiry: Inquiry, turn: Turn, replyToId: string | undefined): AdaptiveCardJson {
  const { directory } = turn;
  return replyToId && replyToId === inquiry.teams.askerStatus?.activityId
    ? renderAskerStatusCard(
        askerStatusCardData(inquiry, directory, inquiry.locale, directory.timeZone),
      )
    : renderAnswerCard(answerCardData(inquiry, directory, inquiry.locale, directory.timeZone));
}

async function act(
  deps: HandlerDeps,
  turn: Turn,
  inquiryId: string,
  command: Command,
  view: (inquiry: Inquiry) => AdaptiveCardJson | Promise<AdaptiveCardJson>,
): Promise<Reply> {
  const outcome = await actOnInquiry(
    { ...deps, directory: turn.directory },
    inquiryId,
    turn.who.person,
    command,
  );
  if (!outcome.ok) {
    deps.logger.info(
      { inquiryId, command: command.type, actor: turn.who.person.key, reason: outcome.reason },
      'card action refused',
    );
    return refusalText(outcome, turn, command);
  }
  deps.notify();
  return view(outcome.inquiry);
}

/** Builds the handler of every card verb. */
export function cardActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<Reply>> {
  /** Reads the turn and validates the card data before the handler sees it. */
  const on =
    <T>(
      schema: z.ZodType<T>,
      handle: (context: TurnContext, turn: Turn, value: T) => Promise<Reply>,
    ) =>
    async (context: TurnContext, data: unknown): Promise<Reply> => {
      const turn = await readTurn(context, deps);
      const parsed = parse(schema, data, turn.t);
      return parsed.ok ? handle(context, turn, parsed.value) : parsed.reply;
    };
  /** A command on an inquiry, answered with the card the clicker was looking at, as it now is. */
  const command = <T extends { inquiryId: string }>(
    schema: z.ZodType<T>,
    toCommand: (value: T) => Command,
    card: 'triage' | 'asker',
  ) =>
    on(schema, (context, turn, value) =>
      act(deps, turn, value.inquiryId, toCommand(value), (inquiry) =>
        card === 'triage'
          ? triageView(deps, inquiry, turn)
          : askerView(inquiry, turn, context.activity.replyToId),
      ),
    );

  return {
    [Verbs.claim]: command(inquiryData, () => ({ type: 'claim' }), 'triage'),
    [Verbs.resolve]: command(inquiryData, () => ({ type: 'resolve' }), 'triage'),
    [Verbs.answer]: command(
      schemas.answer,
      (v) => ({ type: 'answer', text: v.answerText }),
      'triage',
    ),
    [Verbs.handOver]: command(
      schemas.handOver,
      (v) => ({ type: 'hand_over', toKey: v.handOverTo }),
      'triage',
    ),
    [Verbs.escalate]: command(
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
      schemas.askAsker,
      (v) => ({ type: 'ask_asker', question: v.askerQuestion }),
      'triage',
    ),
    [Verbs.confirmResolved]: command(inquiryData, () => ({ type: 'confirm_resolved' }), 'asker'),
    [Verbs.notResolved]: command(
      schemas.notResolved,
      (v) => {
        const comment = v.comment?.trim();
        return { type: 'not_resolved', ...(comment ? { comment } : {}) };
      },
      'asker',
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
  const { inquiry } = await openInquiry(
    { ...deps, directory: turn.directory },
    {
      requestKey: draft.id,
      asker: turn.who.person,
      unitId,
      topicId,
      text: draft.text,
      locale: draft.locale,
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
  deps.notify();
  return renderAskerStatusCard(
    askerStatusCardData(inquiry, turn.directory, inquiry.locale, turn.directory.timeZone),
  );
}
