import { messages, type Locale } from '../src/i18n';
import type { Directory } from '../src/org/directory';
import { Inputs, Verbs } from './verbs';
import { expandTemplate, longText, type AdaptiveCardJson, type LongText } from './render';
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

/** The question as asked, and the topics to choose from. */
export function pickTopicCardData(
  directory: Directory,
  locale: Locale,
  draftId: string,
  question: string,
): PickTopicCardData {
  const t = messages(locale);
  return {
    draftId,
    title: t.pickTopic.title,
    question: longText(question),
    label: t.card.topic,
    required: t.pickTopic.required,
    submit: t.pickTopic.submit,
    privacy: t.help.privacy,
    topics: directory.allTopics().map((topic) => ({ title: topic.name[locale], value: topic.id })),
    labels: { showAll: t.card.showAll },
  };
}
