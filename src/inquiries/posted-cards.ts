import type { DeliveryFailure, Inquiry, InquiryEvent, PostedCard, PostedNotice } from './inquiry';

/**
 * Where a card about an inquiry was posted: a triage card (a thread or a 1:1 chat), the asker's
 * status card, or a notice to handlers.
 */
export interface CardPlacement {
  triage?: PostedCard;
  askerStatus?: PostedCard;
  notice?: PostedNotice;
}

/** How many of an inquiry's notices are kept up to date: the latest ones matter, and each costs a send. */
export const keptNotices = 20;

/**
 * The inquiry's cards once another is posted: a triage card takes the place of an earlier one in
 * the same conversation, the asker has one status card, the latest, and the latest notices are kept.
 */
export function placeCard(teams: Inquiry['teams'], placement: CardPlacement): Inquiry['teams'] {
  const { triage, askerStatus, notice } = placement;
  const triageCards = triage
    ? [...teams.triageCards.filter((card) => card.conversationId !== triage.conversationId), triage]
    : teams.triageCards;
  const status = askerStatus ?? teams.askerStatus;
  const notices = notice
    ? [
        ...(teams.notices ?? []).filter(
          (n) => n.conversationId !== notice.conversationId || n.activityId !== notice.activityId,
        ),
        notice,
      ].slice(-keptNotices)
    : teams.notices;
  return {
    triageCards,
    ...(status ? { askerStatus: status } : {}),
    ...(notices ? { notices } : {}),
  };
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
export function withDeliveryFailure(inquiry: Inquiry, failure: DeliveryFailure): Inquiry {
  return { ...inquiry, history: [...inquiry.history, { type: 'delivery_failed', ...failure }] };
}
