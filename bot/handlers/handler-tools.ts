import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { historyCardData, renderHistoryCard } from '../../cards/history';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import { Inputs, Verbs } from '../../cards/verbs';
import { actOnInquiry } from '../../src/inquiries/act-on-inquiry';
import { maxAnswerLength, type Command } from '../../src/inquiries/commands';
import { maxVendorCaseNumberLength } from '../../src/inquiries/transitions/update-vendor-case';
import { handlerRole } from '../../src/routing/authorisation';
import { buildChain } from '../../src/routing/chain';
import { actionKeyOf } from './action-key';
import { refusalText } from './card-actions';
import type { HandlerDeps, Turn } from './context';
import { validatedAction } from './validated-action';

type Reply = AdaptiveCardJson | string;

const inquiryData = z.object({ inquiryId: z.string().uuid() });
/** A tool that changes the inquiry carries the rendering its card showed (see `revisionOf`). */
const changeData = inquiryData.extend({
  rev: z.union([z.string().max(20), z.number()]).optional(),
});
const text = z.string().max(maxAnswerLength * 2);
const ref = z.string().trim().min(1).max(400);
const schemas = {
  addNote: changeData.extend({ [Inputs.noteText]: text }),
  updateVendorCase: changeData.extend({
    [Inputs.vendorCaseNumber]: z
      .string()
      .max(maxVendorCaseNumberLength * 2)
      .optional(),
    [Inputs.vendorReply]: text.optional(),
  }),
  move: changeData.extend({
    [Inputs.moveUnit]: ref,
    [Inputs.moveTopic]: ref,
    [Inputs.moveReason]: text,
  }),
};

/**
 * The handler's tools on the triage card: "Historikk", internal notes, the vendor's case number
 * and reply, and moving the inquiry to another unit or topic. Card data is checked like any
 * input; the state machine decides whether the one who clicks may do it.
 */
export function handlerToolActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<Reply>> {
  const on = <T>(
    schema: z.ZodType<T>,
    handle: (turn: Turn, value: T, context: TurnContext) => Promise<Reply>,
  ) => validatedAction(deps, schema, (context, turn, value) => handle(turn, value, context));
  /** A change to the inquiry, taken once however often the same click arrives. */
  const act = async (
    context: TurnContext,
    turn: Turn,
    verb: string,
    value: { inquiryId: string; rev?: unknown },
    command: Command,
  ): Promise<Reply> => {
    const { directory } = turn;
    const { inquiryId } = value;
    const requestKey = actionKeyOf(context, turn.who.person.key, verb, value);
    const outcome = await actOnInquiry(
      { ...deps, directory },
      inquiryId,
      turn.who.person,
      command,
      requestKey,
    );
    if (!outcome.ok) {
      turn.log
        .child({ inquiry: inquiryId })
        .info(
          { command: command.type, actor: turn.who.person.key, reason: outcome.reason },
          'card action refused',
        );
      return refusalText(outcome, turn, command);
    }
    if (!outcome.repeat) deps.notify();
    return renderTriageCard(
      triageCardData(outcome.inquiry, directory, turn.locale, {
        timeZone: directory.timeZone,
        mention: false,
      }),
    );
  };

  return {
    [Verbs.history]: on(inquiryData, async (turn, value) => {
      const inquiry = await deps.store.inquiries.get(value.inquiryId);
      if (!inquiry) return turn.t.refusals.unknownInquiry;
      const { directory } = turn;
      if (!handlerRole(directory, inquiry, turn.who.person.email))
        return turn.t.refusals.notAllowed(directory.unit(inquiry.unitId)?.name ?? '');
      return renderHistoryCard(historyCardData(inquiry, directory, turn.locale));
    }),
    [Verbs.addNote]: on(schemas.addNote, (turn, value, context) =>
      act(context, turn, Verbs.addNote, value, { type: 'add_note', text: value[Inputs.noteText] }),
    ),
    [Verbs.updateVendorCase]: on(schemas.updateVendorCase, (turn, value, context) => {
      const caseNumber = value[Inputs.vendorCaseNumber]?.trim();
      const reply = value[Inputs.vendorReply]?.trim();
      return act(context, turn, Verbs.updateVendorCase, value, {
        type: 'update_vendor_case',
        ...(caseNumber ? { caseNumber } : {}),
        ...(reply ? { reply } : {}),
      });
    }),
    [Verbs.move]: on(schemas.move, (turn, value, context) => {
      const { directory } = turn;
      const unit = directory.unit(value[Inputs.moveUnit]);
      const topic = directory.topic(value[Inputs.moveTopic]);
      if (!unit || !topic) return Promise.resolve(turn.t.refusals.invalidAction);
      return act(context, turn, Verbs.move, value, {
        type: 'move',
        to: {
          unitId: unit.id,
          workAreaId: unit.workArea,
          topicId: topic.id,
          chain: buildChain(directory, unit.id, topic.id),
        },
        reason: value[Inputs.moveReason],
      });
    }),
  };
}
