import { messages, type Locale } from '../src/i18n';
import type { Inquiry } from '../src/inquiries/inquiry';
import type { Directory } from '../src/org/directory';
import {
  askerResponseActions,
  renderAskerResponseActions,
  type AskerResponseActions,
} from './asker-status';
import { askerStatusLine, header, statusColors } from './inquiry-lines';
import {
  expandTemplate,
  longText,
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

/** The answer as the asker reads it, with "Løst" / "Ikke løst" while they may still say so. */
export function answerCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
  now?: Date,
): AnswerCardData {
  const t = messages(locale);
  const actions = askerResponseActions(inquiry, t, now);
  const { answer } = inquiry;
  return {
    header: header(inquiry, directory, locale),
    statusLine: askerStatusLine(inquiry, directory, t),
    statusColor: statusColors[inquiry.status],
    heading: answer ? t.card.answeredBy(answer.by.name) : t.card.answer,
    answer: longText(answer?.text ?? ''),
    facts: answer
      ? [{ title: t.card.answeredAt, value: t.dateTime(new Date(answer.at), timeZone) }]
      : [],
    ...(actions.respond ? { prompt: t.card.answerPrompt } : {}),
    actions,
    labels: { showAll: t.card.showAll },
  };
}
