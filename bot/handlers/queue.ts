import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { allChoice, queueCardData, queuePageSize, renderQueueCard } from '../../cards/queue';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import { Inputs, Verbs } from '../../cards/verbs';
import { escalationTiming } from '../../src/escalation/policy';
import { actOnInquiry } from '../../src/inquiries/act-on-inquiry';
import { loadQueue, queueGroups, type QueueFilter } from '../../src/inquiries/queue';
import { maySeeInquiry } from '../../src/routing/visibility';
import { handlerScope, workAreaOfChannel } from '../../src/routing/handler-scope';
import type { QueueQuery } from '../../src/store/ports';
import { refusalText } from './card-actions';
import type { HandlerDeps, Turn } from './context';
import { validatedAction } from './validated-action';

type Reply = AdaptiveCardJson | string;

/** The channel a turn was written in; undefined in 1:1 chat. */
export function channelIdOf(context: TurnContext): string | undefined {
  const { activity } = context;
  if (activity.conversation.conversationType === 'personal') return undefined;
  const channelData = activity.channelData as { channel?: { id?: unknown } } | undefined;
  const id = channelData?.channel?.id;
  return typeof id === 'string' ? id : activity.conversation.id.split(';')[0];
}

/**
 * Whose queue the turn asks for: in 1:1 chat the reader's own units, work areas or topics; in a
 * triage channel that channel's work area. A reply instead when there is none to show.
 */
function queueScope(
  context: TurnContext,
  turn: Turn,
): { ok: true; scope: QueueQuery[]; workAreaId?: string } | { ok: false; reply: string } {
  const { directory, t, who } = turn;
  const own = handlerScope(directory, who.person.email);
  if (!own) return { ok: false, reply: t.queue.notHandler };
  const channelId = channelIdOf(context);
  if (channelId === undefined) return { ok: true, scope: own };
  const workAreaId = workAreaOfChannel(directory, channelId);
  if (!workAreaId) return { ok: false, reply: t.queue.notTriageChannel };
  return { ok: true, scope: [{ workAreaIds: [workAreaId] }], workAreaId };
}

async function queueCard(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  filter: QueueFilter,
  page: number,
): Promise<Reply> {
  const scope = queueScope(context, turn);
  if (!scope.ok) return scope.reply;
  const { directory, who } = turn;
  const queue = await loadQueue(deps.store, scope.scope, filter, who.person.key, {
    page,
    pageSize: queuePageSize,
  });
  return renderQueueCard(
    queueCardData(
      {
        queue,
        filter,
        reader: who.person,
        ...(scope.workAreaId ? { workAreaId: scope.workAreaId } : {}),
        now: deps.clock.now(),
        timing: escalationTiming(directory),
      },
      directory,
      turn.locale,
    ),
  );
}

/** "kø" / "queue": the reader's queue in 1:1 chat, or the channel's in a triage channel. */
export async function showQueue(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  const reply = await queueCard(context, deps, turn, {}, 0);
  await context.sendActivity(
    typeof reply === 'string' ? reply : MessageFactory.attachment(CardFactory.adaptiveCard(reply)),
  );
}

const choice = z.string().trim().min(1).max(400);
const queueData = z.object({
  page: z.coerce.number().int().min(0).max(10_000),
  [Inputs.queueUnit]: choice.default(allChoice),
  [Inputs.queueTopic]: choice.default(allChoice),
  [Inputs.queueGroup]: z.enum([allChoice, ...queueGroups]).default(allChoice),
});
const claimData = queueData.extend({ inquiryId: z.string().uuid() });
const openData = z.object({ inquiryId: z.string().uuid() });

/** The filter a queue action asks for; undefined when it names a unit or topic that is not there. */
function filterOf(value: z.infer<typeof queueData>, turn: Turn): QueueFilter | undefined {
  const unit = value[Inputs.queueUnit];
  const topic = value[Inputs.queueTopic];
  const group = value[Inputs.queueGroup];
  if (unit !== allChoice && !turn.directory.unit(unit)) return undefined;
  if (topic !== allChoice && !turn.directory.topic(topic)) return undefined;
  return {
    ...(unit !== allChoice ? { unitId: unit } : {}),
    ...(topic !== allChoice ? { topicId: topic } : {}),
    ...(group !== allChoice ? { group } : {}),
  };
}

/** The queue's card verbs: another page or filter, "Jeg tar den" on a line, "Åpne" a line's card. */
export function queueActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<Reply>> {
  const on = <T>(
    schema: z.ZodType<T>,
    handle: (context: TurnContext, turn: Turn, value: T) => Promise<Reply>,
  ) => validatedAction(deps, schema, handle);
  return {
    [Verbs.queue]: on(queueData, (context, turn, value) => {
      const filter = filterOf(value, turn);
      if (!filter) return Promise.resolve(turn.t.refusals.invalidAction);
      return queueCard(context, deps, turn, filter, value.page);
    }),
    [Verbs.queueClaim]: on(claimData, async (context, turn, value) => {
      const filter = filterOf(value, turn);
      if (!filter) return turn.t.refusals.invalidAction;
      const command = { type: 'claim' } as const;
      const outcome = await actOnInquiry(
        { ...deps, directory: turn.directory },
        value.inquiryId,
        turn.who.person,
        command,
      );
      if (!outcome.ok) return refusalText(outcome, turn, command);
      deps.notify();
      return queueCard(context, deps, turn, filter, value.page);
    }),
    [Verbs.showCard]: on(openData, async (_context, turn, value) => {
      const inquiry = await deps.store.inquiries.get(value.inquiryId);
      if (!inquiry) return turn.t.refusals.unknownInquiry;
      const { directory } = turn;
      if (!maySeeInquiry(directory, inquiry, turn.who.person))
        return turn.t.refusals.notAllowed(directory.unit(inquiry.unitId)?.name ?? '');
      return renderTriageCard(
        triageCardData(inquiry, directory, turn.locale, {
          timeZone: directory.timeZone,
          mention: false,
        }),
      );
    }),
  };
}
