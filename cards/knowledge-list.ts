import { messages, type Locale } from '../src/i18n';
import type { KnowledgeEntry } from '../src/knowledge/entry';
import { maxEntryAnswer, maxEntryQuestion } from '../src/knowledge/file';
import type { Directory } from '../src/org/directory';
import { startOf } from '../src/text';
import { expandTemplate, type AdaptiveCardJson } from './render';
import { Inputs, Verbs } from './verbs';
import listTemplate from './knowledge-list.json';
import formTemplate from './knowledge-entry-form.json';

/** How many entries one list card shows: active ones first, most recently changed first. */
export const listedEntries = 25;

export interface KnowledgeListCardData {
  title: string;
  notice: string;
  note: string;
  more: string;
  entries: {
    entryId: string;
    etag: string;
    question: string;
    facts: string;
    answer: string;
    retire: 'true' | 'false';
    retireTitle: string;
  }[];
  labels: { edit: string };
}

export interface KnowledgeEntryFormData {
  title: string;
  entryId: string;
  etag: string;
  question: string;
  answer: string;
  keywords: string;
  maxQuestion: number;
  maxAnswer: number;
  labels: {
    question: string;
    answer: string;
    keywords: string;
    questionRequired: string;
    answerRequired: string;
    save: string;
  };
}

export function renderKnowledgeListCard(data: KnowledgeListCardData): AdaptiveCardJson {
  return expandTemplate(listTemplate, {
    ...data,
    verbs: { edit: Verbs.editEntry, retire: Verbs.retireEntry },
  });
}

export function renderKnowledgeEntryForm(data: KnowledgeEntryFormData): AdaptiveCardJson {
  return expandTemplate(formTemplate, { ...data, verb: Verbs.saveEntry, inputs: Inputs });
}

function order(a: KnowledgeEntry, b: KnowledgeEntry): number {
  if (a.status !== b.status) return a.status === 'active' ? -1 : 1;
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
}

/** The handlers' list of entries, with a line saying what just happened, if anything. */
export function knowledgeListCardData(
  entries: KnowledgeEntry[],
  directory: Directory,
  locale: Locale,
  notice = '',
): KnowledgeListCardData {
  const t = messages(locale);
  const shown = [...entries].sort(order).slice(0, listedEntries);
  return {
    title: entries.length > 0 ? t.knowledge.listTitle(entries.length) : t.knowledge.listEmpty,
    notice,
    note: t.knowledge.listNote,
    more: shown.length < entries.length ? t.knowledge.listMore(shown.length, entries.length) : '',
    entries: shown.map((entry) => ({
      entryId: entry.id,
      etag: entry.etag ?? '',
      question: entry.question,
      facts: [
        entry.status === 'active' ? t.knowledge.statusActive : t.knowledge.statusRetired,
        directory.topic(entry.topicId)?.name[locale] ?? entry.topicId,
        entry.source.kind === 'file'
          ? t.knowledge.fromFile
          : t.knowledge.fromInquiry(entry.source.number),
      ].join(' · '),
      answer: startOf(entry.answer, 300),
      retire: entry.status === 'active' ? 'true' : 'false',
      retireTitle: entry.status === 'active' ? t.knowledge.retire : t.knowledge.restore,
    })),
    labels: { edit: t.knowledge.edit },
  };
}

/** The form that edits one entry, prefilled with it as stored. */
export function knowledgeEntryFormData(
  entry: KnowledgeEntry,
  locale: Locale,
): KnowledgeEntryFormData {
  const t = messages(locale);
  return {
    title: t.knowledge.editTitle,
    entryId: entry.id,
    etag: entry.etag ?? '',
    question: entry.question,
    answer: entry.answer,
    keywords: entry.keywords.join(', '),
    maxQuestion: maxEntryQuestion,
    maxAnswer: maxEntryAnswer,
    labels: {
      question: t.knowledge.question,
      answer: t.knowledge.answer,
      keywords: t.knowledge.keywords,
      questionRequired: t.knowledge.questionRequired,
      answerRequired: t.knowledge.answerRequired,
      save: t.knowledge.save,
    },
  };
}
