import { Inputs, Verbs } from './verbs';
import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './pick-topic.json';

export interface PickTopicCardData {
  draftId: string;
  title: string;
  question: string;
  required: string;
  submit: string;
  privacy: string;
  topics: { title: string; value: string }[];
}

/** Asks what a question is about when its words don't make it clear. */
export function renderPickTopicCard(data: PickTopicCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verb: Verbs.pickTopic, inputs: Inputs });
}
