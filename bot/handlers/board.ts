import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import {
  boardCardData,
  boardListCardData,
  figureOf,
  renderBoardCard,
  renderBoardListCard,
} from '../../cards/board';
import type { AdaptiveCardJson } from '../../cards/render';
import { Verbs } from '../../cards/verbs';
import { escalationTiming } from '../../src/escalation/policy';
import { loadBoard, type BoardFigure } from '../../src/inquiries/board';
import { boardReader, mayReadBoard } from '../../src/routing/board-scope';
import { workAreaOfChannel } from '../../src/routing/handler-scope';
import { channelIdOf } from './queue';
import { readTurn, type HandlerDeps, type Turn } from './context';

type Reply = AdaptiveCardJson | string;

/**
 * Which work areas' board the turn asks for: in 1:1 chat every work area the reader may see; in a
 * triage channel that channel's work area, when the reader may see it. A reply instead otherwise.
 */
function boardScope(
  context: TurnContext,
  turn: Turn,
): { ok: true; workAreaIds: string[] } | { ok: false; reply: string } {
  const { directory, t, who } = turn;
  const reader = boardReader(directory, who.person.email);
  if (reader.kind === 'employee') return { ok: false, reply: t.board.forEmployees };
  if (reader.kind === 'handler') return { ok: false, reply: t.board.forHandlers };
  const channelId = channelIdOf(context);
  if (channelId === undefined) return { ok: true, workAreaIds: reader.workAreaIds };
  const workAreaId = workAreaOfChannel(directory, channelId);
  if (!workAreaId) return { ok: false, reply: t.board.notTriageChannel };
  if (!reader.workAreaIds.includes(workAreaId)) return { ok: false, reply: t.board.notAllowed };
  return { ok: true, workAreaIds: [workAreaId] };
}

async function boardCard(
  deps: HandlerDeps,
  turn: Turn,
  workAreaIds: readonly string[],
  list?: { figure: BoardFigure; page: number },
): Promise<Reply> {
  const { directory, locale } = turn;
  const timing = escalationTiming(directory);
  const now = deps.clock.now();
  const board = await loadBoard(deps.store, workAreaIds, now, timing.calendar);
  const view = { board, now, timing };
  return list
    ? renderBoardListCard(boardListCardData({ ...view, ...list }, directory, locale))
    : renderBoardCard(boardCardData(view, directory, locale));
}

/** Shows the board, in 1:1 chat or in a triage channel (that work area's), to those who may read it. */
export async function showBoard(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  const scope = boardScope(context, turn);
  const reply = scope.ok ? await boardCard(deps, turn, scope.workAreaIds) : scope.reply;
  await context.sendActivity(
    typeof reply === 'string' ? reply : MessageFactory.attachment(CardFactory.adaptiveCard(reply)),
  );
}

const workAreaIds = z.array(z.string().trim().min(1).max(200)).min(1).max(100);
const boardData = z.object({ workAreaIds });
const listData = boardData.extend({
  figure: z.enum(['level', 'status', 'breaches']),
  value: z.string().max(100).optional(),
  page: z.coerce.number().int().min(0).max(10_000),
});

/** The board's card verbs: refresh or go back to the board, and list the inquiries behind a figure. */
export function boardActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<Reply>> {
  const on =
    <T extends { workAreaIds: string[] }>(
      schema: z.ZodType<T>,
      handle: (turn: Turn, value: T) => Promise<Reply>,
    ) =>
    async (context: TurnContext, data: unknown): Promise<Reply> => {
      const turn = await readTurn(context, deps);
      const parsed = schema.safeParse(data);
      if (!parsed.success) return turn.t.refusals.invalidAction;
      const { directory, who, t } = turn;
      if (parsed.data.workAreaIds.some((id) => !directory.workArea(id)))
        return t.refusals.invalidAction;
      if (!mayReadBoard(directory, who.person.email, parsed.data.workAreaIds)) {
        const reader = boardReader(directory, who.person.email);
        return reader.kind === 'reader'
          ? t.board.notAllowed
          : reader.kind === 'handler'
            ? t.board.forHandlers
            : t.board.forEmployees;
      }
      return handle(turn, parsed.data);
    };
  return {
    [Verbs.board]: on(boardData, (turn, value) => boardCard(deps, turn, value.workAreaIds)),
    [Verbs.boardList]: on(listData, (turn, value) => {
      const figure = figureOf(value);
      if (!figure) return Promise.resolve(turn.t.refusals.invalidAction);
      return boardCard(deps, turn, value.workAreaIds, { figure, page: value.page });
    }),
  };
}
