import { maxAnswerLength } from '../src/inquiries/commands';
import { Inputs, Verbs } from './verbs';
import {
  expandActions,
  expandTemplate,
  withActions,
  type AdaptiveCardJson,
  type CardStatus,
  type LongText,
  type PersonLine,
} from './render';
import template from './asker-status.json';

/** "Løst" / "Ikke løst", offered to the asker while an answer waits for their word. */
export interface AskerResponseActions {
  inquiryId: string;
  respond: boolean;
  labels: {
    resolved: string;
    notResolved: string;
    notResolvedComment: string;
    sendNotResolved: string;
  };
}

export interface AskerStatusCardData extends CardStatus {
  /** Number, unit and topic. */
  header: string;
  /** Who holds it, or who it waits for. */
  people: PersonLine[];
  question: LongText;
  actions: AskerResponseActions;
  labels: { question: string; showAll: string };
}

const { actions: actionsTemplate, ...cardTemplate } = template;

/** The asker's "Løst" / "Ikke løst" (with an optional comment). Shared with the answer card. */
export function renderAskerResponseActions(actions: AskerResponseActions): unknown[] {
  return expandActions(actionsTemplate, {
    ...actions,
    verbs: Verbs,
    inputs: Inputs,
    maxLength: maxAnswerLength,
  });
}

/** The asker's status card in their 1:1 chat, updated in place at every step. */
export function renderAskerStatusCard(data: AskerStatusCardData): AdaptiveCardJson {
  const { actions, ...rest } = data;
  return withActions(expandTemplate(cardTemplate, rest), renderAskerResponseActions(actions));
}
