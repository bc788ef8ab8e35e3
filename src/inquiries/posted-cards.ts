import type { Inquiry, InquiryEvent, PostedCard } from './inquiry';

/** Where a card about an inquiry was posted: a triage card (a thread or a 1:1 chat), or the asker's status card. */
export interface CardPlacement {
  triage?: PostedCard;
  askerStatus?: PostedCard;
}

/**
 * The inquiry's cards once another is posted: a triage card takes the place of an earlier one in
 * the same conversation, and the asker has one status card, the latest.
 */
export function placeCard(teams: Inquiry['teams'], placement: CardPlacement): Inquiry['teams'] {
  const { triage, askerStatus } = placement;
  const triageCards = triage
    ? [...teams.triageCards.filter((card) => card.conversationId !== triage.conversationId), triage]
    : teams.triageCards;
  const status = askerStatus ?? teams.askerStatus;
  return { triageCards, ...(status ? { askerStatus: status } : {}) };
}

/** The inquiry with a card placed, and the event that goes with it (a notification) if any. */
export function withCardPlaced(
  inquiry: Inquiry,
  placement: CardPlacement,
  event?: InquiryEvent,
): Inquiry {
  return {
    ...inquiry,
    teams: placeCard(inquiry.teams, placement),
    history: event ? [...inquiry.history, event] : inquiry.history,
  };
}

/** The inquiry with a delivery that failed for good on its record. */
export function withDeliveryFailure(
  inquiry: Inquiry,
  failure: { at: string; note: string },
): Inquiry {
  return { ...inquiry, history: [...inquiry.history, { type: 'delivery_failed', ...failure }] };
}
