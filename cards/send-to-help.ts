import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './send-to-help.json';

/** Ids of the card's inputs; Teams merges their values into the submitted data. */
export const SendToHelpInputs = {
  question: 'question',
  topicId: 'topicId',
  unitId: 'unitId',
} as const;

export interface Choice {
  title: string;
  value: string;
}

export interface SendToHelpCardData {
  /** Names this one sending, so a submit Teams delivers twice opens one inquiry. */
  requestId: string;
  body: string;
  /** The text to send, prefilled from the message; the sender may edit it. */
  question: string;
  maxLength: number;
  /** The topic the text makes obvious, or '' to let the sender pick. */
  topicId: string;
  topics: Choice[];
  /** True when the organisation does not know the sender's unit. */
  askUnit: boolean;
  units: Choice[];
  submit: string;
  privacy: string;
  labels: {
    question: string;
    required: string;
    topic: string;
    topicRequired: string;
    topicPlaceholder: string;
    unit: string;
    unitRequired: string;
    unitPlaceholder: string;
  };
}

/** The dialog a message action opens: a message's text, ready to send as an inquiry. */
export function renderSendToHelpCard(data: SendToHelpCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, inputs: SendToHelpInputs });
}
