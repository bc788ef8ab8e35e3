import type { Inquiry } from './inquiry';

/**
 * Which rendering of an inquiry a card shows, carried in the data of its buttons: two presses of
 * the same button on the same rendering are one request, while the same button pressed again on
 * a card rendered after a later change is a new one.
 */
export function revisionOf(inquiry: Inquiry): string {
  return String(inquiry.history.length);
}

/** Whether the request with this key has been taken already (Teams delivered it again, or a button was pressed twice). */
export function isRepeat(inquiry: Inquiry, requestKey: string | undefined): boolean {
  return requestKey !== undefined && inquiry.history.some((e) => e.requestKey === requestKey);
}

/** The changed inquiry with the request that changed it kept on its newest event. */
export function withRequestKey(inquiry: Inquiry, requestKey: string | undefined): Inquiry {
  const last = inquiry.history[inquiry.history.length - 1];
  if (!requestKey || !last) return inquiry;
  return { ...inquiry, history: [...inquiry.history.slice(0, -1), { ...last, requestKey }] };
}
