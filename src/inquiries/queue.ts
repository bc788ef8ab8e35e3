import type { QueueQuery, Store } from '../store/ports';
import type { Inquiry } from './inquiry';

/** What an inquiry in a handler's queue needs, in the order the queue shows them. */
export const queueGroups = ['unclaimed', 'mine', 'waiting', 'vendor', 'stalled', 'others'] as const;
export type QueueGroup = (typeof queueGroups)[number];

/**
 * Where an inquiry stands for the handler reading the queue: stalled, waiting for the asker, at
 * the vendor, waiting to be taken, held by them, or held by another handler.
 */
export function queueGroup(inquiry: Inquiry, personKey: string): QueueGroup {
  if (inquiry.status === 'stalled') return 'stalled';
  if (inquiry.status === 'waiting_for_asker') return 'waiting';
  if (inquiry.level === 'vendor') return 'vendor';
  if (!inquiry.assignee) return 'unclaimed';
  return inquiry.assignee.key === personKey ? 'mine' : 'others';
}

/** What the reader narrowed the queue to. */
export interface QueueFilter {
  unitId?: string;
  topicId?: string;
  group?: QueueGroup;
}

/** The most inquiries a queue reads; more than this are counted as "and more". */
export const maxQueueRead = 2000;

function narrowed(ids: readonly string[] | undefined, to: string | undefined) {
  if (to === undefined) return ids;
  return ids ? ids.filter((id) => id === to) : [to];
}

/** Each query of the reader's scope narrowed by the filter: a filter never widens the scope. */
export function queueQueries(scope: QueueQuery[], filter: QueueFilter): QueueQuery[] {
  return scope.map((query) => {
    const unitIds = narrowed(query.unitIds, filter.unitId);
    const topicIds = narrowed(query.topicIds, filter.topicId);
    return {
      ...query,
      ...(unitIds ? { unitIds } : {}),
      ...(topicIds ? { topicIds } : {}),
    };
  });
}

export interface QueueEntry {
  inquiry: Inquiry;
  group: QueueGroup;
}

export interface Queue {
  /** Every entry that passes the filter, by group in queue order, oldest first within a group. */
  entries: QueueEntry[];
  /** How many of each group there are, before the group filter. */
  counts: Record<QueueGroup, number>;
  /** More open inquiries than `maxQueueRead` were in scope. */
  truncated: boolean;
  /** The units and topics of the inquiries read, to filter by. */
  unitIds: string[];
  topicIds: string[];
}

/** Reads the reader's queue from the store: the open inquiries in their scope, grouped. */
export async function loadQueue(
  store: Store,
  scope: QueueQuery[],
  filter: QueueFilter,
  personKey: string,
): Promise<Queue> {
  const found = new Map<string, Inquiry>();
  let truncated = false;
  for (const query of queueQueries(scope, filter)) {
    const page = await store.inquiries.handlersQueue(query, maxQueueRead + 1);
    if (page.length > maxQueueRead) truncated = true;
    for (const inquiry of page.slice(0, maxQueueRead)) found.set(inquiry.id, inquiry);
  }
  const all = [...found.values()]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((inquiry) => ({ inquiry, group: queueGroup(inquiry, personKey) }));
  const counts = Object.fromEntries(queueGroups.map((g) => [g, 0])) as Record<QueueGroup, number>;
  for (const entry of all) counts[entry.group]++;
  const entries = queueGroups.flatMap((group) =>
    filter.group === undefined || filter.group === group
      ? all.filter((entry) => entry.group === group)
      : [],
  );
  const distinct = (ids: string[]) => [...new Set(ids)];
  return {
    entries,
    counts,
    truncated,
    unitIds: distinct(all.map((entry) => entry.inquiry.unitId)),
    topicIds: distinct(all.map((entry) => entry.inquiry.topicId)),
  };
}
