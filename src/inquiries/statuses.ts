import type { Inquiry, InquiryStatus } from './inquiry';

// The questions asked of an inquiry's status in more than one place, each answered once.

/** Someone at the inquiry's level owes a response: it waits to be taken, or is being worked on. */
export const openForHandling: ReadonlySet<InquiryStatus> = new Set(['new', 'claimed']);

/** Nothing more happens: the asker is helped, or took the question back. */
export const finished: ReadonlySet<InquiryStatus> = new Set(['resolved', 'withdrawn']);

/**
 * Still on a handler's desk: waiting to be taken, being worked on, waiting for the asker's reply,
 * or stalled at the vendor. What a handler's queue lists; an answered inquiry waits for the asker.
 */
export const inHandlersQueue: readonly InquiryStatus[] = [
  'new',
  'claimed',
  'waiting_for_asker',
  'stalled',
];

/** New or claimed: the escalation clock runs, reminders and pings still make sense. */
export function isOpenForHandling(inquiry: Pick<Inquiry, 'status'>): boolean {
  return openForHandling.has(inquiry.status);
}

/** Resolved or withdrawn. */
export function isFinished(inquiry: Pick<Inquiry, 'status'>): boolean {
  return finished.has(inquiry.status);
}

/**
 * Still to be answered or closed by a handler: everything but finished. A stalled inquiry is
 * answered when the vendor finally replies; one waiting for the asker may be answered without the
 * reply; an answered one may be answered again.
 */
export function isAnswerable(inquiry: Pick<Inquiry, 'status'>): boolean {
  return !isFinished(inquiry);
}

/** Answered and waiting for the asker to say whether it solved the problem. */
export function awaitsAskersVerdict(inquiry: Pick<Inquiry, 'status'>): boolean {
  return inquiry.status === 'answered';
}

/** A handler has asked the asker something; the clock stands still until the reply. */
export function isWaitingForAsker(inquiry: Pick<Inquiry, 'status'>): boolean {
  return inquiry.status === 'waiting_for_asker';
}

/**
 * The inquiry's deadline is one its level must respond by: open for handling below the vendor
 * level. At the vendor level the clock only paces reminders; nobody here owes the response.
 */
export function owesResponseByDeadline(inquiry: Pick<Inquiry, 'status' | 'level'>): boolean {
  return isOpenForHandling(inquiry) && inquiry.level !== 'vendor';
}
