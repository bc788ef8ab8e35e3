import { messages, type Locale, type Messages } from '../src/i18n';
import { maxAnswerLength } from '../src/inquiries/commands';
import { ratings, type Inquiry } from '../src/inquiries/inquiry';
import { allowedTransitions } from '../src/inquiries/state-machine';
import type { Directory } from '../src/org/directory';
import { targetsAt } from '../src/routing/chain';
import {
  askerStatusLine,
  awayLines,
  header,
  holderLine,
  sentFact,
  skippedLine,
  statusColors,
} from './inquiry-lines';
import { Inputs, Verbs } from './verbs';
import {
  expandActions,
  expandTemplate,
  longText,
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
  /** "Ikke løst" after resolution, within the organisation's reopening period. */
  reopen: boolean;
  /** The rating of the help, once resolved and not yet rated. */
  rate: boolean;
  ratingChoices: { title: string; value: string }[];
  labels: {
    resolved: string;
    notResolved: string;
    notResolvedComment: string;
    sendNotResolved: string;
    rate: string;
    rateComment: string;
    sendRating: string;
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

/**
 * "Løst" / "Ikke løst" for the asker's own cards: offered exactly when the state machine lets the
 * asker give their verdict.
 */
export function askerResponseActions(
  inquiry: Inquiry,
  t: Messages,
  now?: Date,
): AskerResponseActions {
  const allowed = allowedTransitions(inquiry, { person: inquiry.asker }, now);
  return {
    inquiryId: inquiry.id,
    respond: allowed.includes('confirm_resolved') && allowed.includes('not_resolved'),
    reopen: allowed.includes('reopen'),
    rate: allowed.includes('rate'),
    ratingChoices: ratings.map((value) => ({ title: t.closing.ratings[value], value })),
    labels: {
      resolved: t.actions.resolved,
      notResolved: t.actions.notResolved,
      notResolvedComment: t.actions.notResolvedComment,
      sendNotResolved: t.actions.sendNotResolved,
      rate: t.closing.ratePrompt,
      rateComment: t.closing.rateComment,
      sendRating: t.actions.sendNotResolved,
    },
  };
}

/** For the asker: who holds it, or whom it waits for at its level. */
function waitingForLine(inquiry: Inquiry, t: Messages): PersonLine {
  if (inquiry.assignee) return holderLine(inquiry, t);
  const names = targetsAt(inquiry.chain, inquiry.level).map((p) => p.name);
  const level = t.levels[inquiry.level];
  return {
    label: t.card.holder,
    name: names.length > 0 ? t.card.waitingFor(names.join(', '), level) : level,
  };
}

/** What the asker's status card shows: where the inquiry stands, in the asker's words. */
export function askerStatusCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
  now?: Date,
): AskerStatusCardData {
  const t = messages(locale);
  return {
    header: header(inquiry, directory, locale),
    statusLine: askerStatusLine(inquiry, directory, t),
    statusColor: statusColors[inquiry.status],
    facts: [sentFact(inquiry, t, timeZone)],
    people: [waitingForLine(inquiry, t), ...skippedLine(inquiry, t), ...awayLines(inquiry, t)],
    question: longText(inquiry.text),
    actions: askerResponseActions(inquiry, t, now),
    labels: { question: t.card.question, showAll: t.card.showAll },
  };
}
