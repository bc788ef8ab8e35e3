import type { Locale } from '../i18n';

export const entryStatuses = ['active', 'retired'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

/** The same entry written in another language, so that a question in that language finds it. */
export interface EntryTranslation {
  language: Locale;
  question: string;
  answer: string;
}

/** Where an entry came from: the knowledge-base file, or an answer a handler published. */
export type EntrySource =
  | { kind: 'file'; fingerprint: string }
  | { kind: 'inquiry'; inquiryId: string; number: string; by: { key: string; name: string } };

/** A question the organisation already knows the answer to. */
export interface KnowledgeEntry {
  id: string;
  question: string;
  answer: string;
  topicId: string;
  keywords: string[];
  language: Locale;
  translation?: EntryTranslation;
  link?: string;
  source: EntrySource;
  status: EntryStatus;
  updatedAt: string;
  /** Who changed it last; absent for the file. */
  updatedBy?: { key: string; name: string };
  /** Concurrency token of the stored version. */
  etag?: string;
}

/** A resolved inquiry's question and answer, kept for "similar inquiries" on new triage cards. */
export interface SolvedInquiry {
  inquiryId: string;
  number: string;
  question: string;
  answer: string;
  topicId: string;
  locale: Locale;
  resolvedAt: string;
  /** Set by the store: the order in which solved inquiries were recorded. */
  seq?: number;
}

/** A question a knowledge-base entry answered, so that no inquiry was opened: kept for reports. */
export interface SelfServed {
  /** The question's request key: the same question is counted once. */
  id: string;
  entryId: string;
  askerKey: string;
  unitId?: string;
  at: string;
}

/** Changes whenever an entry or a solved inquiry is written: cheap to read, compared by value. */
export interface KnowledgeMarker {
  entries: number;
  solved: number;
}
