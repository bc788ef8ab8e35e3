import { messages, type Locale, type Messages } from '../src/i18n';
import { maxAnswerLength } from '../src/inquiries/commands';
import { ratings, type Inquiry } from '../src/inquiries/inquiry';
import { allowedTransitions } from '../src/inquiries/state-machine';
import { revisionOf } from '../src/inquiries/repeats';
import { isOpenForHandling } from '../src/inquiries/statuses';
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
  /** Which rendering of the inquiry the buttons belong to: a second press of one is a repeat. */
  rev: string;
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
    rev: revisionOf(inquiry),
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

/**
 * Whom the inquiry reached in 1:1 chat, when its triage card went to people rather than to a
 * channel (none is set up, or it could not be posted to): so the asker reads what happened.
 */
function toldInChatLine(inquiry: Inquiry, t: Messages, locale: Locale): PersonLine | undefined {
  const cards = inquiry.teams.triageCards;
  if (cards.length === 0 || cards.some((card) => card.recipientKey === undefined)) return undefined;
  const chain = [
    ...inquiry.chain.superuser,
    ...inquiry.chain.coordinator,
    ...inquiry.chain.system_responsible,
  ];
  const names = [
    ...new Set(cards.flatMap((card) => chain.find((p) => p.key === card.recipientKey)?.name ?? [])),
  ];
  if (names.length === 0) return undefined;
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  return { label: t.askerStatus.told, name: t.askerStatus.toldInChat(list) };
}

/** Who at the helpdesk registered it for the asker, and how it came in. */
function registeredLine(inquiry: Inquiry, t: Messages): PersonLine[] {
  const { intake } = inquiry;
  if (!intake) return [];
  return [
    {
      label: t.intake.statusLabel,
      name: `${intake.by.name} (${t.intake.channels[intake.channel]})`,
    },
  ];
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
  const told =
    isOpenForHandling(inquiry) && !inquiry.assignee
      ? toldInChatLine(inquiry, t, locale)
      : undefined;
  return {
    header: header(inquiry, directory, locale),
    statusLine: askerStatusLine(inquiry, directory, t),
    statusColor: statusColors[inquiry.status],
    facts: [sentFact(inquiry, t, timeZone)],
    people: [
      ...registeredLine(inquiry, t),
      waitingForLine(inquiry, t),
      ...(told ? [told] : []),
      ...skippedLine(inquiry, t),
      ...awayLines(inquiry, t),
    ],
    question: longText(inquiry.text),
    actions: askerResponseActions(inquiry, t, now),
    labels: { question: t.card.question, showAll: t.card.showAll },
  };
}
