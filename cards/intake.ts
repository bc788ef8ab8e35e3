import { messages, type Locale } from '../src/i18n';
import { intakeChannels } from '../src/inquiries/intake';
import { maxQuestionLength } from '../src/inquiries/open-inquiry';
import type { Directory } from '../src/org/directory';
import { expandTemplate, type AdaptiveCardJson } from './render';
import { Inputs, peopleDataset, Verbs } from './verbs';
import template from './intake.json';

interface Choice {
  title: string;
  value: string;
}

export interface IntakeCardData {
  /** Names this one registration, so a submit Teams delivers twice opens one inquiry. */
  requestId: string;
  title: string;
  body: string;
  topics: Choice[];
  channels: Choice[];
  maxLength: number;
  labels: {
    employee: string;
    employeePlaceholder: string;
    employeeRequired: string;
    topic: string;
    topicPlaceholder: string;
    topicRequired: string;
    question: string;
    questionRequired: string;
    channel: string;
    submit: string;
  };
}

/**
 * The helpdesk's card: the employee (searched in the organisation as the helpdesk types), the
 * topic, the question and how it came in.
 */
export function intakeCardData(
  directory: Directory,
  locale: Locale,
  requestId: string,
): IntakeCardData {
  const t = messages(locale);
  const { intake } = t;
  return {
    requestId,
    title: intake.title,
    body: intake.body,
    topics: directory.allTopics().map((topic) => ({ title: topic.name[locale], value: topic.id })),
    channels: intakeChannels.map((channel) => ({
      title: intake.channels[channel],
      value: channel,
    })),
    maxLength: maxQuestionLength,
    labels: {
      employee: intake.employee,
      employeePlaceholder: intake.employeePlaceholder,
      employeeRequired: intake.employeeRequired,
      topic: intake.topic,
      topicPlaceholder: intake.topicPlaceholder,
      topicRequired: intake.topicRequired,
      question: intake.question,
      questionRequired: intake.questionRequired,
      channel: intake.channel,
      submit: intake.submit,
    },
  };
}

export function renderIntakeCard(data: IntakeCardData): AdaptiveCardJson {
  return expandTemplate(template, {
    ...data,
    inputs: Inputs,
    verb: Verbs.register,
    dataset: peopleDataset,
  });
}
