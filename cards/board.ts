import type { EscalationTiming } from '../src/escalation/policy';
import { messages, type Locale } from '../src/i18n';
import { inquiriesBehind, type Board, type BoardFigure } from '../src/inquiries/board';
import { levels } from '../src/inquiries/inquiry';
import { maxQueueRead } from '../src/inquiries/queue';
import { inHandlersQueue } from '../src/inquiries/statuses';
import type { Directory } from '../src/org/directory';
import { queueLineText, queuePageSize } from './queue';
import { expandTemplate, type AdaptiveCardJson } from './render';
import { Verbs } from './verbs';
import boardTemplate from './board.json';
import listTemplate from './board-list.json';

/** What the board's actions carry: the work areas it shows. */
export interface BoardState {
  workAreaIds: string[];
}

/** What a figure's "Vis" carries: the board, the figure, and the page of its list. */
export interface BoardListState extends BoardState {
  figure: BoardFigure['kind'];
  value?: string;
  page: number;
}

interface FigureRow {
  label: string;
  count: string;
  showData?: BoardListState;
}

export interface BoardCardData {
  title: string;
  asOf: string;
  openHeading: string;
  truncated?: string;
  sections: { heading: string; rows: FigureRow[] }[];
  oldest?: { title: string; detail: string; openData: { inquiryId: string } };
  breaches: { label: string; showData?: BoardListState };
  current: BoardState;
  labels: {
    show: string;
    open: string;
    refresh: string;
    oldestHeading: string;
    noneUnanswered: string;
    breachesHeading: string;
  };
}

export interface BoardListCardData {
  title: string;
  summary: string;
  lines: { title: string; detail: string; openData: { inquiryId: string } }[];
  empty?: string;
  pageLine?: string;
  previous?: BoardListState;
  next?: BoardListState;
  back: BoardState;
  labels: { open: string; previous: string; next: string; back: string };
}

export interface BoardView {
  board: Board;
  now: Date;
  timing: EscalationTiming;
}

/** The figure a list action names, as the board module reads it. */
export function figureOf(state: Pick<BoardListState, 'figure' | 'value'>): BoardFigure | undefined {
  if (state.figure === 'breaches') return { kind: 'breaches' };
  if (state.figure === 'level') {
    const level = levels.find((l) => l === state.value);
    return level ? { kind: 'level', level } : undefined;
  }
  const status = inHandlersQueue.find((s) => s === state.value);
  return status ? { kind: 'status', status } : undefined;
}

function titleOf(board: Board, directory: Directory): string {
  return board.workAreaIds.map((id) => directory.workArea(id)?.name ?? id).join(', ');
}

/** The name of a figure, as its row on the board says it. */
function figureName(figure: BoardFigure, locale: Locale): string {
  const t = messages(locale);
  switch (figure.kind) {
    case 'level':
      return t.levels[figure.level];
    case 'status':
      return t.statuses[figure.status];
    case 'breaches':
      return t.board.breachesHeading;
  }
}

/** A work area's board now: the open inquiries by level and status, the oldest, the breaches. */
export function boardCardData(
  view: BoardView,
  directory: Directory,
  locale: Locale,
): BoardCardData {
  const t = messages(locale);
  const { board, now, timing } = view;
  const current: BoardState = { workAreaIds: [...board.workAreaIds] };
  const row = (label: string, count: number, figure: BoardFigure): FigureRow => ({
    label,
    count: String(count),
    ...(count > 0
      ? {
          showData: {
            ...current,
            figure: figure.kind,
            ...(figure.kind === 'level' ? { value: figure.level } : {}),
            ...(figure.kind === 'status' ? { value: figure.status } : {}),
            page: 0,
          },
        }
      : {}),
  });
  const breachCount = board.breaches.length;
  const oldest = board.oldestUnanswered;
  return {
    title: t.board.title(titleOf(board, directory)),
    asOf: t.board.asOf(t.dateTime(now, directory.timeZone)),
    openHeading: t.board.openHeading(board.open.length),
    ...(board.truncated ? { truncated: t.board.truncated(maxQueueRead) } : {}),
    sections: [
      {
        heading: t.board.byLevel,
        rows: levels.map((level) =>
          row(t.levels[level], board.byLevel[level], { kind: 'level', level }),
        ),
      },
      {
        heading: t.board.byStatus,
        rows: inHandlersQueue.map((status) =>
          row(t.statuses[status], board.byStatus[status], { kind: 'status', status }),
        ),
      },
    ],
    ...(oldest
      ? {
          oldest: {
            ...queueLineText(oldest, { now, timing }, directory, locale),
            openData: { inquiryId: oldest.id },
          },
        }
      : {}),
    breaches: {
      label: t.board.breaches(breachCount, t.dateTime(board.weekStart, directory.timeZone)),
      ...(breachCount > 0 ? { showData: { ...current, figure: 'breaches', page: 0 } } : {}),
    },
    current,
    labels: {
      show: t.board.show,
      open: t.board.open,
      refresh: t.board.refresh,
      oldestHeading: t.board.oldestHeading,
      noneUnanswered: t.board.noneUnanswered,
      breachesHeading: t.board.breachesHeading,
    },
  };
}

/** The inquiries behind one figure, a page at a time, in the queue's lines. */
export function boardListCardData(
  view: BoardView & { figure: BoardFigure; page: number },
  directory: Directory,
  locale: Locale,
): BoardListCardData {
  const t = messages(locale);
  const { board, figure, now, timing } = view;
  const behind = inquiriesBehind(board, figure);
  const pages = Math.max(1, Math.ceil(behind.length / queuePageSize));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const shown = behind.slice(page * queuePageSize, (page + 1) * queuePageSize);
  const back: BoardState = { workAreaIds: [...board.workAreaIds] };
  const state = (p: number): BoardListState => ({
    ...back,
    figure: figure.kind,
    ...(figure.kind === 'level' ? { value: figure.level } : {}),
    ...(figure.kind === 'status' ? { value: figure.status } : {}),
    page: p,
  });
  return {
    title: t.board.listTitle(figureName(figure, locale)),
    summary: `${t.board.title(titleOf(board, directory))} · ${t.queue.total(behind.length)}`,
    lines: shown.map((inquiry) => ({
      ...queueLineText(inquiry, { now, timing }, directory, locale),
      openData: { inquiryId: inquiry.id },
    })),
    ...(shown.length === 0 ? { empty: t.board.listEmpty } : {}),
    ...(pages > 1 ? { pageLine: t.queue.page(page + 1, pages) } : {}),
    ...(page > 0 ? { previous: state(page - 1) } : {}),
    ...(page < pages - 1 ? { next: state(page + 1) } : {}),
    back,
    labels: {
      open: t.board.open,
      previous: t.queue.previous,
      next: t.queue.next,
      back: t.board.back,
    },
  };
}

export function renderBoardCard(data: BoardCardData): AdaptiveCardJson {
  return expandTemplate(boardTemplate, { ...data, verbs: Verbs });
}

export function renderBoardListCard(data: BoardListCardData): AdaptiveCardJson {
  return expandTemplate(listTemplate, { ...data, verbs: Verbs });
}
