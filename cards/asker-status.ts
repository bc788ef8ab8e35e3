import { Inputs, Verbs } from './verbs';
import { expandTemplate, type AdaptiveCardJson, type LongText } from './render';
import type { Fact } from './triage';
import template from './asker.json';

export interface AskerCardData {
  inquiryId: string;
  header: string;
  statusLine: string;
  statusColor: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  facts: Fact[];
  question?: LongText;
  answer?: { heading: string; text: string };
  privacy?: string;
  /** "Løst" / "Ikke løst" are offered while the answer waits for the asker's word. */
  actions: { respond: boolean };
  labels: {
    question: string;
    showAll: string;
    resolved: string;
    notResolved: string;
    notResolvedComment: string;
    sendNotResolved: string;
  };
}

export type AskerStatusCardData = AskerCardData;

/** The asker's status card in their 1:1 chat, updated in place at every step. */
export function renderAskerStatusCard(data: AskerStatusCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verbs: Verbs, inputs: Inputs });
}
