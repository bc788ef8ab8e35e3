import { messages, type Locale } from '../src/i18n';
import type { KnowledgeEntry } from '../src/knowledge/entry';
import { expandTemplate, longText, withActions, type AdaptiveCardJson } from './render';
import { Verbs } from './verbs';
import template from './suggestions.json';

export interface SuggestionsCardData {
  draftId: string;
  /** Offering answers (with actions), or closed with the answer that solved it. */
  open: boolean;
  title: string;
  body: string;
  question: string;
  suggestions: { entryId: string; question: string; answer: string; link?: string }[];
  labels: { yourQuestion: string; solvedIt: string; sendOn: string; readMore: string };
}

/** Answers from the knowledge base, offered before a question becomes an inquiry. */
export function renderSuggestionsCard(data: SuggestionsCardData): AdaptiveCardJson {
  const card = expandTemplate(template, {
    ...data,
    verbs: { solved: Verbs.suggestionSolved, sendOn: Verbs.suggestionSendOn },
  });
  // A template's `$when` on the only action leaves an empty list, which Teams shows as nothing.
  return withActions(card, (card.actions as unknown[] | undefined) ?? []);
}

/** The entry in the language given (the one the question matched) where it has it. */
function inLanguage(entry: KnowledgeEntry, locale: Locale): { question: string; answer: string } {
  return entry.language !== locale && entry.translation?.language === locale
    ? entry.translation
    : entry;
}

/**
 * The suggestion card in the asker's language: up to three entries, each in the language the
 * question matched it in, or (closed) the one that solved the question.
 */
export function suggestionsCardData(
  locale: Locale,
  draftId: string,
  question: string,
  entries: { entry: KnowledgeEntry; language: Locale }[],
  state: 'open' | 'solved',
): SuggestionsCardData {
  const t = messages(locale);
  return {
    draftId,
    open: state === 'open',
    title: state === 'open' ? t.knowledge.suggestionsTitle : t.knowledge.solvedThanks,
    body: state === 'open' ? t.knowledge.suggestionsBody : '',
    question: longText(question).preview,
    suggestions: entries.map(({ entry, language }) => ({
      entryId: entry.id,
      ...inLanguage(entry, language),
      ...(entry.link ? { link: entry.link } : {}),
    })),
    labels: {
      yourQuestion: t.knowledge.yourQuestion,
      solvedIt: t.knowledge.solvedIt,
      sendOn: t.knowledge.sendOn,
      readMore: t.knowledge.readMore,
    },
  };
}
