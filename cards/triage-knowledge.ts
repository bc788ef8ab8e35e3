import type { Messages } from '../src/i18n';
import type { Inquiry } from '../src/inquiries/inquiry';
import type { SolvedInquiry } from '../src/knowledge/entry';
import { maxEntryAnswer, maxEntryQuestion } from '../src/knowledge/file';
import { withoutPersonalDetails } from '../src/knowledge/scrub';
import { mayPublish } from '../src/knowledge/similar';
import { startOf } from '../src/text';
import { expandTemplate } from './render';
import { Inputs, Verbs } from './verbs';
import template from './triage-knowledge.json';

/** How much of a similar inquiry's question and answer the triage card shows. */
const similarPreview = 300;

/** The knowledge base's part of a triage card: similar resolved inquiries, and publishing. */
export interface TriageKnowledgeData {
  inquiryId: string;
  similar?: {
    title: string;
    useAnswer: string;
    inquiries: { inquiryId: string; number: string; question: string; answer: string }[];
  };
  /** The form that publishes the answer, prefilled without the asker's name and details. */
  publish?: {
    title: string;
    body: string;
    question: string;
    answer: string;
    maxQuestion: number;
    maxAnswer: number;
    labels: {
      question: string;
      answer: string;
      keywords: string;
      questionRequired: string;
      answerRequired: string;
      submit: string;
    };
  };
}

function preview(text: string): string {
  return text.length > similarPreview ? `${startOf(text, similarPreview).trimEnd()} …` : text;
}

export function triageKnowledgeData(
  inquiry: Inquiry,
  similar: SolvedInquiry[],
  t: Messages,
): TriageKnowledgeData {
  const answer = inquiry.answer;
  return {
    inquiryId: inquiry.id,
    ...(similar.length > 0
      ? {
          similar: {
            title: t.knowledge.similarTitle,
            useAnswer: t.knowledge.useAnswer,
            inquiries: similar.map((s) => ({
              inquiryId: s.inquiryId,
              number: s.number,
              question: preview(s.question),
              answer: preview(s.answer),
            })),
          },
        }
      : {}),
    ...(answer && mayPublish(inquiry)
      ? {
          publish: {
            title: t.knowledge.publish,
            body: t.knowledge.publishBody,
            question: startOf(
              withoutPersonalDetails(inquiry.text, inquiry.asker),
              maxEntryQuestion,
            ),
            answer: startOf(withoutPersonalDetails(answer.text, inquiry.asker), maxEntryAnswer),
            maxQuestion: maxEntryQuestion,
            maxAnswer: maxEntryAnswer,
            labels: {
              question: t.knowledge.question,
              answer: t.knowledge.answer,
              keywords: t.knowledge.keywords,
              questionRequired: t.knowledge.questionRequired,
              answerRequired: t.knowledge.answerRequired,
              submit: t.knowledge.publishSubmit,
            },
          },
        }
      : {}),
  };
}

/** The card elements, appended to the triage card's body; none when there is nothing to show. */
export function renderTriageKnowledge(data: TriageKnowledgeData): unknown[] {
  if (!data.similar && !data.publish) return [];
  const expanded = expandTemplate(
    { type: 'AdaptiveCard', ...template },
    { ...data, verbs: Verbs, inputs: Inputs },
  );
  return (expanded.body as unknown[] | undefined) ?? [];
}
