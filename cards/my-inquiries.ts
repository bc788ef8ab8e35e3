import { messages, type Locale } from '../src/i18n';
import { timeAgo } from '../src/i18n/relative-time';
import { maxAnswerLength } from '../src/inquiries/commands';
import type { Inquiry } from '../src/inquiries/inquiry';
import { revisionOf } from '../src/inquiries/repeats';
import { allowedTransitions } from '../src/inquiries/state-machine';
import type { Directory } from '../src/org/directory';
import { targetsAt } from '../src/routing/chain';
import { startOf } from '../src/text';
import { askerStatusLine, statusColors, topicName } from './inquiry-lines';
import { expandTemplate, type AdaptiveCardJson, type Fact, type StatusColor } from './render';
import { listInputs, Verbs } from './verbs';
import template from './my-inquiries.json';

/** Inquiries on one page of "mine saker"; with the previews below, a page stays well under 28 KB. */
export const myInquiriesPageSize = 5;
const questionPreview = 200;
const answerPreview = 1200;

export interface MyInquiryItem {
  inquiryId: string;
  /** The rendering of the inquiry its buttons were shown with (see `revisionOf`). */
  rev: string;
  /** "QM-2026-0042 · Avvik" */
  header: string;
  statusLine: string;
  statusColor: StatusColor;
  /** Who holds it, and how long ago it was sent. */
  facts: Fact[];
  question: string;
  answer?: { heading: string; text: string };
  addInfo: boolean;
  withdraw: boolean;
  reopen: boolean;
  hasActions: boolean;
  inputs: { info: string; reason: string; comment: string };
}

export interface MyInquiriesCardData {
  title: string;
  /** What just happened, after an action from this card. */
  notice?: string;
  empty?: string;
  items: MyInquiryItem[];
  page: number;
  pageLine?: string;
  previous?: number;
  next?: number;
  labels: {
    showAnswer: string;
    addInfo: string;
    addInfoLabel: string;
    addInfoRequired: string;
    sendInfo: string;
    withdraw: string;
    withdrawReason: string;
    confirmWithdraw: string;
    reopen: string;
    reopenComment: string;
    confirmReopen: string;
    previous: string;
    next: string;
  };
}

/** "Mine saker": the asker's inquiries, a page at a time, each with what they may do with it. */
export function renderMyInquiriesCard(data: MyInquiriesCardData): AdaptiveCardJson {
  const card = expandTemplate(template, { ...data, verbs: Verbs, maxLength: maxAnswerLength });
  const actions = card.actions as unknown[] | undefined;
  if (actions && actions.length === 0) delete card.actions;
  return card;
}

/** Who holds it, or whom it waits for. */
function holderName(inquiry: Inquiry): string {
  if (inquiry.assignee) return inquiry.assignee.name;
  return targetsAt(inquiry.chain, inquiry.level)
    .map((p) => p.name)
    .join(', ');
}

/** One inquiry as the asker sees it in the list, with the actions the state machine allows. */
export function myInquiryItem(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  now: Date,
): MyInquiryItem {
  const t = messages(locale);
  const allowed = allowedTransitions(inquiry, { person: inquiry.asker }, now);
  const holder = holderName(inquiry);
  const shown = inquiry.answer
    ? { heading: t.card.answeredBy(inquiry.answer.by.name), text: inquiry.answer.text }
    : inquiry.closingNote
      ? { heading: t.myInquiries.closingNote, text: inquiry.closingNote.text }
      : undefined;
  const item = {
    addInfo: allowed.includes('add_info'),
    withdraw: allowed.includes('withdraw'),
    reopen: allowed.includes('reopen'),
  };
  return {
    inquiryId: inquiry.id,
    rev: revisionOf(inquiry),
    header: `${inquiry.number} · ${topicName(inquiry, directory, locale)}`,
    statusLine: askerStatusLine(inquiry, directory, t),
    statusColor: statusColors[inquiry.status],
    facts: [
      ...(holder ? [{ title: t.myInquiries.holder, value: holder }] : []),
      { title: t.myInquiries.age, value: timeAgo(new Date(inquiry.createdAt), now, locale) },
    ],
    question: preview(inquiry.text, questionPreview),
    ...(shown
      ? { answer: { heading: shown.heading, text: preview(shown.text, answerPreview) } }
      : {}),
    ...item,
    hasActions: shown !== undefined || item.addInfo || item.withdraw || item.reopen,
    inputs: {
      info: listInputs.info(inquiry.id),
      reason: listInputs.reason(inquiry.id),
      comment: listInputs.comment(inquiry.id),
    },
  };
}

function preview(text: string, length: number): string {
  return text.length <= length ? text : `${startOf(text, length).trimEnd()} …`;
}

/** One page of the asker's inquiries, newest first; `page` counts from 0 and is kept in range. */
export function myInquiriesCardData(
  inquiries: readonly Inquiry[],
  directory: Directory,
  locale: Locale,
  now: Date,
  page: number,
  notice?: string,
): MyInquiriesCardData {
  const t = messages(locale);
  const pages = Math.max(1, Math.ceil(inquiries.length / myInquiriesPageSize));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const items = inquiries
    .slice(current * myInquiriesPageSize, (current + 1) * myInquiriesPageSize)
    .map((inquiry) => myInquiryItem(inquiry, directory, locale, now));
  return {
    title: t.myInquiries.title,
    ...(notice ? { notice } : {}),
    ...(inquiries.length === 0 ? { empty: t.myInquiries.empty } : {}),
    items,
    page: current,
    ...(pages > 1 ? { pageLine: t.myInquiries.page(current + 1, pages) } : {}),
    ...(current > 0 ? { previous: current - 1 } : {}),
    ...(current < pages - 1 ? { next: current + 1 } : {}),
    labels: {
      showAnswer: t.myInquiries.showAnswer,
      addInfo: t.myInquiries.addInfo,
      addInfoLabel: t.myInquiries.addInfoLabel,
      addInfoRequired: t.myInquiries.addInfoRequired,
      sendInfo: t.myInquiries.sendInfo,
      withdraw: t.myInquiries.withdraw,
      withdrawReason: t.myInquiries.withdrawReason,
      confirmWithdraw: t.myInquiries.confirmWithdraw,
      reopen: t.myInquiries.reopen,
      reopenComment: t.myInquiries.reopenComment,
      confirmReopen: t.myInquiries.confirmReopen,
      previous: t.myInquiries.previous,
      next: t.myInquiries.next,
    },
  };
}
