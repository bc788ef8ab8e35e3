import { Inputs, Verbs } from './verbs';
import { expandTemplate, type AdaptiveCardJson, type LongText, type Mention } from './render';
import template from './triage.json';

export interface Fact {
  title: string;
  value: string;
}

export interface TriageCardData {
  inquiryId: string;
  header: string;
  statusLine: string;
  statusColor: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  facts: Fact[];
  question: LongText;
  answer?: { heading: string; text: string };
  lastStep: string;
  /** Mentioned people: a line of `<at>` names, with their entities. */
  mentions?: { line: string; entities: Mention[] };
  /** A line on top for a handler told about this inquiry in 1:1 chat. */
  notice?: { line: string; comment?: string; commentLabel: string };
  actions: { claim: boolean; answer: boolean; handOver: boolean; resolve: boolean };
  handOverChoices: { title: string; value: string }[];
  labels: {
    question: string;
    showAll: string;
    lastStep: string;
    claim: string;
    answer: string;
    answerPlaceholder: string;
    answerRequired: string;
    sendAnswer: string;
    handOver: string;
    handOverTo: string;
    handOverRequired: string;
    confirmHandOver: string;
    resolve: string;
  };
}

/** The triage card: what handlers see in the channel thread or their 1:1 chat. */
export function renderTriageCard(data: TriageCardData): AdaptiveCardJson {
  const card = expandTemplate(template, {
    ...data,
    mentionLine: data.mentions?.line,
    verbs: Verbs,
    inputs: Inputs,
  });
  return data.mentions ? { ...card, msteams: { entities: data.mentions.entities } } : card;
}
