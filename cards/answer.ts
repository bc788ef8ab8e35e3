import { renderAskerResponseActions, type AskerResponseActions } from './asker-status';
import {
  expandTemplate,
  withActions,
  type AdaptiveCardJson,
  type CardStatus,
  type LongText,
} from './render';
import template from './answer.json';

export interface AnswerCardData extends CardStatus {
  /** Number, unit and topic. */
  header: string;
  /** "Svar fra Sverre Lunde" */
  heading: string;
  answer: LongText;
  /** Asked while the asker can still say "Løst" / "Ikke løst". */
  prompt?: string;
  actions: AskerResponseActions;
  labels: { showAll: string };
}

/** The answer, sent to the asker's 1:1 chat, with "Løst" / "Ikke løst". */
export function renderAnswerCard(data: AnswerCardData): AdaptiveCardJson {
  const { actions, ...rest } = data;
  return withActions(expandTemplate(template, rest), renderAskerResponseActions(actions));
}
