import type { QueueQuery, Store } from '../store/ports';
import type { Inquiry } from './inquiry';
import type { QueueItem } from './queue-item';

/** What an inquiry in a handler's queue needs, in the order the queue shows them. */
export const queueGroups = ['unclaimed', 'mine', 'waiting', 'vendor', 'stalled', 'others'] as const;
export type QueueGroup = (typeof queueGroups)[number];

/**
 * Where an inquiry stands for the handler reading the queue: stalled, waiting for the asker, at
 * the vendor, waiting to be taken, held by them, or held by another handler.
 */
export function queueGroup(item: QueueItem, personKey: string): QueueGroup {
  if (item.status === 'stalled') return 'stalled';
  if (item.status === 'waiting_for_asker') return 'waiting';
  if (item.level === 'vendor') return 'vendor';
  if (item.assigneeKey === undefined) return 'unclaimed';
  return item.assigneeKey === personKey ? 'mine' : 'others';
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
  item: QueueItem;
  group: QueueGroup;
}

/** A line of the page shown: the whole inquiry, for the line's text and actions. */
export interface QueueLineEntry {
  inquiry: Inquiry;
  group: QueueGroup;
}

export interface Queue {
  /** Every entry that passes the filter, by group in queue order, oldest first within a group. */
  entries: QueueEntry[];
  /** The page shown (the one asked for, within the pages there are) and how many there are. */
  page: number;
  pages: number;
  /** The entries of the page shown, read whole, in the order of `entries`. */
  shown: QueueLineEntry[];
  /** How many of each group there are, before the group filter. */
  counts: Record<QueueGroup, number>;
  /** More open inquiries than `maxQueueRead` were in scope. */
  truncated: boolean;
  /** The units and topics of the inquiries read, to filter by. */
  unitIds: string[];
  topicIds: string[];
}

/** Which page is shown: the one asked for, within the pages `count` entries fill (at least one). */
export function pageWithin(
  count: number,
  asked: number,
  pageSize: number,
): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  return { page: Math.min(Math.max(0, asked), pages - 1), pages };
}

/**
 * Reads the reader's queue from the store: the items of the open inquiries in their scope,
 * grouped and counted, and the whole inquiries of the one page shown. An inquiry that is gone by
 * the time its page is read is left off the page.
 */
export async function loadQueue(
  store: Store,
  scope: QueueQuery[],
  filter: QueueFilter,
  personKey: string,
  view: { page: number; pageSize: number },
): Promise<Queue> {
  const found = new Map<string, QueueItem>();
  let truncated = false;
  for (const query of queueQueries(scope, filter)) {
    const read = await store.inquiries.handlersQueueItems(query, maxQueueRead + 1);
    if (read.length > maxQueueRead) truncated = true;
    for (const item of read.slice(0, maxQueueRead)) found.set(item.id, item);
  }
  const all = [...found.values()]
    // ISO instants order as plain strings, compared so at a fraction of localeCompare's cost.
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .map((item) => ({ item, group: queueGroup(item, personKey) }));
  const counts = Object.fromEntries(queueGroups.map((g) => [g, 0])) as Record<QueueGroup, number>;
  for (const entry of all) counts[entry.group]++;
  const entries = queueGroups.flatMap((group) =>
    filter.group === undefined || filter.group === group
      ? all.filter((entry) => entry.group === group)
      : [],
  );
  const { page, pages } = pageWithin(entries.length, view.page, view.pageSize);
  const onPage = entries.slice(page * view.pageSize, (page + 1) * view.pageSize);
  const read = await Promise.all(onPage.map((entry) => store.inquiries.get(entry.item.id)));
  const shown = onPage.flatMap((entry, index) => {
    const inquiry = read[index];
    return inquiry ? [{ inquiry, group: entry.group }] : [];
  });
  const distinct = (ids: string[]) => [...new Set(ids)];
  return {
    entries,
    page,
    pages,
    shown,
    counts,
    truncated,
    unitIds: distinct(all.map((entry) => entry.item.unitId)),
    topicIds: distinct(all.map((entry) => entry.item.topicId)),
  };
}
