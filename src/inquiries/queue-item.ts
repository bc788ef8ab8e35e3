import type { Inquiry, InquiryStatus, Level } from './inquiry';

/**
 * What a handler's queue groups, counts, filters and orders an inquiry by, read without its
 * document: the queue reads these for every open inquiry in scope and whole inquiries only for the
 * lines of the page it shows.
 */
export interface QueueItem {
  id: string;
  status: InquiryStatus;
  level: Level;
  /** The person key of whoever holds it; absent while nobody does. */
  assigneeKey?: string;
  unitId: string;
  topicId: string;
  createdAt: string;
}

/** An inquiry's queue item, as the stores keep it beside the inquiry on every write. */
export function queueItemOf(inquiry: Omit<Inquiry, 'etag'>): QueueItem {
  return {
    id: inquiry.id,
    status: inquiry.status,
    level: inquiry.level,
    ...(inquiry.assignee ? { assigneeKey: inquiry.assignee.key } : {}),
    unitId: inquiry.unitId,
    topicId: inquiry.topicId,
    createdAt: inquiry.createdAt,
  };
}
