import type { BusinessCalendar } from '../escalation/business-calendar';
import type { Store } from '../store/ports';
import { levels, type Inquiry, type InquiryStatus, type Level } from './inquiry';
import { maxQueueRead } from './queue';
import { inHandlersQueue } from './statuses';

// A work area's board: where its open inquiries stand now, and how often this week an inquiry
// went past its response time. Every figure names the inquiries behind it.

/** A figure on the board whose inquiries can be listed. */
export type BoardFigure =
  | { kind: 'level'; level: Level }
  | { kind: 'status'; status: InquiryStatus }
  | { kind: 'breaches' };

/** One time an inquiry's level let its response time run out. */
export interface Breach {
  inquiry: Inquiry;
  at: string;
}

export interface Board {
  workAreaIds: readonly string[];
  /** The open inquiries (still on a handler's desk), oldest first. */
  open: Inquiry[];
  byLevel: Record<Level, number>;
  /** Counts of the statuses an open inquiry can have. */
  byStatus: Record<InquiryStatus, number>;
  /** The open inquiry nobody has answered that has waited longest. */
  oldestUnanswered?: Inquiry;
  /** This week's breaches of the response time, latest first. */
  breaches: Breach[];
  weekStart: Date;
  /** More inquiries than the board reads were in scope; the figures count the ones read. */
  truncated: boolean;
}

/**
 * The response-time breaches in an inquiry's history since `since`: each time the scheduler moved
 * it up because its deadline had passed (a claim that lapsed is not a breach of response time).
 */
export function breachesOf(inquiry: Inquiry, since: Date): Breach[] {
  return inquiry.history.flatMap((event) => {
    if (event.type !== 'escalated' || event.reason !== 'deadline') return [];
    return new Date(event.at) < since ? [] : [{ inquiry, at: event.at }];
  });
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Reads the board of these work areas at `now`, the week counted in the organisation's calendar. */
export async function loadBoard(
  store: Store,
  workAreaIds: readonly string[],
  now: Date,
  calendar: BusinessCalendar,
): Promise<Board> {
  const weekStart = calendar.weekStart(now);
  const [openRead, written] = await Promise.all([
    store.inquiries.handlersQueue({ workAreaIds }, maxQueueRead + 1),
    store.inquiries.writtenSince(workAreaIds, weekStart, maxQueueRead + 1),
  ]);
  const open = openRead.slice(0, maxQueueRead);
  const byLevel = zeros(levels);
  const byStatus = zeros(inHandlersQueue);
  for (const inquiry of open) {
    byLevel[inquiry.level]++;
    byStatus[inquiry.status]++;
  }
  const oldestUnanswered = open.find((inquiry) => !inquiry.answer);
  const breaches = written
    .slice(0, maxQueueRead)
    .flatMap((inquiry) => breachesOf(inquiry, weekStart))
    .sort((a, b) => b.at.localeCompare(a.at));
  return {
    workAreaIds,
    open,
    byLevel,
    byStatus,
    ...(oldestUnanswered ? { oldestUnanswered } : {}),
    breaches,
    weekStart,
    truncated: openRead.length > maxQueueRead || written.length > maxQueueRead,
  };
}

/** The inquiries behind a figure, each once, oldest first. */
export function inquiriesBehind(board: Board, figure: BoardFigure): Inquiry[] {
  switch (figure.kind) {
    case 'level':
      return board.open.filter((inquiry) => inquiry.level === figure.level);
    case 'status':
      return board.open.filter((inquiry) => inquiry.status === figure.status);
    case 'breaches': {
      const seen = new Map(board.breaches.map((breach) => [breach.inquiry.id, breach.inquiry]));
      return [...seen.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    }
  }
}
