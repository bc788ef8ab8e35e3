import { Inputs, Verbs } from './verbs';
import { expandTemplate, type AdaptiveCardJson, type LongText } from './render';
import template from './pick-topic.json';

export interface PickTopicCardData {
  draftId: string;
  title: string;
  /** The question as the asker wrote it. */
  question: LongText;
  /** The list's label. */
  label: string;
  required: string;
  submit: string;
  privacy: string;
  /** Topics in the asker's language. */
  topics: { title: string; value: string }[];
  labels: { showAll: string };
}

/** Asks what a question is about when its words don't make it clear. */
export function renderPickTopicCard(data: PickTopicCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verb: Verbs.pickTopic, inputs: Inputs });
}
