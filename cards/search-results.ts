import { messages, type Locale } from '../src/i18n';
import type { Inquiry } from '../src/inquiries/inquiry';
import { maxSearchRead } from '../src/inquiries/search';
import type { Directory } from '../src/org/directory';
import { header } from './inquiry-lines';
import { expandTemplate, plainText, type AdaptiveCardJson } from './render';
import { Verbs } from './verbs';
import template from './search-results.json';

/** Matches on one page; each line is about as large as a queue line, so well under the card limit. */
export const searchPageSize = 10;

/** How much of a question a line shows. */
const previewLength = 160;

/** What the page actions carry: the search and the page to show. */
export interface SearchState {
  q: string;
  page: number;
}

interface SearchLine {
  title: string;
  detail: string;
  preview: string;
  openData: { inquiryId: string };
}

export interface SearchCardData {
  title: string;
  summary: string;
  lines: SearchLine[];
  empty?: string;
  note?: string;
  pageLine?: string;
  previous?: SearchState;
  next?: SearchState;
  labels: { open: string; previous: string; next: string };
}

function preview(text: string): string {
  const plain = plainText(text).replace(/\s+/g, ' ').trim();
  return plain.length > previewLength ? `${plain.slice(0, previewLength - 1)}…` : plain;
}

/** A page of a search's matches, newest first, each line opening the inquiry's card. */
export function searchCardData(
  found: { inquiries: Inquiry[]; truncated: boolean },
  query: string,
  page: number,
  directory: Directory,
  locale: Locale,
): SearchCardData {
  const t = messages(locale);
  const pages = Math.max(1, Math.ceil(found.inquiries.length / searchPageSize));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = found.inquiries.slice(current * searchPageSize, (current + 1) * searchPageSize);
  const timeZone = directory.timeZone;
  return {
    title: t.search.title(query),
    summary: t.search.count(found.inquiries.length),
    lines: shown.map((inquiry) => ({
      title: header(inquiry, directory, locale),
      detail: `${t.statuses[inquiry.status]} · ${t.dateTime(new Date(inquiry.createdAt), timeZone)}`,
      preview: preview(inquiry.text),
      openData: { inquiryId: inquiry.id },
    })),
    ...(found.inquiries.length === 0 ? { empty: t.search.empty(query) } : {}),
    ...(found.truncated ? { note: t.search.truncated(maxSearchRead) } : {}),
    ...(pages > 1 ? { pageLine: t.search.page(current + 1, pages) } : {}),
    ...(current > 0 ? { previous: { q: query, page: current - 1 } } : {}),
    ...(current < pages - 1 ? { next: { q: query, page: current + 1 } } : {}),
    labels: { open: t.search.open, previous: t.search.previous, next: t.search.next },
  };
}

export function renderSearchCard(data: SearchCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verbs: Verbs });
}
