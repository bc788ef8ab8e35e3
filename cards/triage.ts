import { maxAnswerLength } from '../src/inquiries/commands';
import { Inputs, Verbs } from './verbs';
import {
  expandActions,
  expandTemplate,
  withActions,
  type AdaptiveCardJson,
  type CardStatus,
  type LongText,
  type Mention,
  type PersonLine,
} from './render';
import template from './triage.json';

/** What a handler can do with an inquiry in its current state. */
export interface TriageActions {
  inquiryId: string;
  claim: boolean;
  answer: boolean;
  handOver: boolean;
  /** Send it to the next level, with an optional note; `toVendorChoice` offers skipping to the vendor. */
  escalate: boolean;
  toVendorChoice: boolean;
  askAsker: boolean;
  resolve: boolean;
  /** A mailto link with the vendor email written out, at the vendor level. */
  vendorEmail?: string;
  /** The unit's other superusers; `value` is the person key. */
  handOverChoices: { title: string; value: string }[];
  labels: {
    claim: string;
    answer: string;
    answerPlaceholder: string;
    answerRequired: string;
    sendAnswer: string;
    handOver: string;
    handOverTo: string;
    handOverRequired: string;
    confirmHandOver: string;
    escalate: string;
    escalateNote: string;
    toVendor: string;
    confirmEscalate: string;
    askAsker: string;
    askAskerLabel: string;
    askAskerRequired: string;
    sendQuestion: string;
    emailVendor: string;
    resolve: string;
  };
}

export interface TriageCardData extends CardStatus {
  /** Number, unit and topic. */
  header: string;
  /** The asker and who holds the inquiry. */
  people: PersonLine[];
  question: LongText;
  answer?: { heading: string; text: LongText };
  lastStep?: string;
  /** Mentioned people: a line of `<at>` names, with their entities. First post only. */
  mentions?: { line: string; entities: Mention[] };
  actions: TriageActions;
  labels: { question: string; showAll: string; lastStep: string };
}

const { actions: actionsTemplate, ...cardTemplate } = template;

/**
 * The handler actions that fit the inquiry's state: "Jeg tar den", "Svar", "Gi videre", "Løst".
 * Shared by the triage card and the notice a handler gets in 1:1 chat.
 */
export function renderTriageActions(actions: TriageActions): unknown[] {
  return expandActions(actionsTemplate, {
    ...actions,
    verbs: Verbs,
    inputs: Inputs,
    maxLength: maxAnswerLength,
  });
}

/** The triage card: what handlers see in the work area's channel thread or their 1:1 chat. */
export function renderTriageCard(data: TriageCardData): AdaptiveCardJson {
  const { mentions, actions, ...rest } = data;
  const card = withActions(
    expandTemplate(cardTemplate, { ...rest, ...(mentions ? { mentionLine: mentions.line } : {}) }),
    renderTriageActions(actions),
  );
  return mentions ? { ...card, msteams: { entities: mentions.entities } } : card;
}
