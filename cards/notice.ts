import { messages, type Locale, type Messages } from '../src/i18n';
import type { Inquiry, NoticeHead } from '../src/inquiries/inquiry';
import type { HandlerNoticeReason } from '../src/notifications/intents';
import type { Directory } from '../src/org/directory';
import {
  askerLine,
  handlerStatusLine,
  holderLine,
  levelFact,
  statusColors,
  topicName,
  unitName,
} from './inquiry-lines';
import {
  expandTemplate,
  longText,
  withActions,
  type AdaptiveCardJson,
  type CardStatus,
  type Fact,
  type LongText,
  type Mention,
  type PersonLine,
} from './render';
import {
  renderTriageActions,
  triageActions,
  withVendorContact,
  type TriageActions,
} from './triage';
import template from './notice.json';

export interface NoticeCardData extends CardStatus {
  /** Why this person is told: "Sverre Lunde har gitt QM-2026-0042 videre til deg." */
  line?: string;
  /** A line that mentions people (`<at>` names), with their entities: pings and reminders. */
  mentions?: { line: string; entities: Mention[] };
  /** A hint under the comment: "Svar her i chatten…". */
  hint?: string;
  /** What the asker wrote with "Ikke løst". */
  comment?: { label: string; text: LongText };
  /** The asker. */
  people: PersonLine[];
  question: LongText;
  /** Handler actions; absent on notices to the asker. */
  actions?: TriageActions;
  labels: { question: string; showAll: string };
}

/**
 * A notice about one inquiry: to a handler in 1:1 chat or as a reply in its thread (with the
 * triage actions for its state and any mentions), or to the asker (without actions).
 */
export function renderNoticeCard(data: NoticeCardData): AdaptiveCardJson {
  const { actions, mentions, ...rest } = data;
  const body = expandTemplate(template, {
    ...rest,
    ...(mentions ? { mentionLine: mentions.line } : {}),
  });
  const card = actions
    ? withActions(withVendorContact(body, actions), renderTriageActions(actions))
    : body;
  return mentions ? { ...card, msteams: { entities: mentions.entities } } : card;
}

/** Why a handler is told, in one line. */
function noticeLine(
  inquiry: Inquiry,
  directory: Directory,
  t: Messages,
  reason: HandlerNoticeReason,
  by: string | undefined,
): string {
  const vendor = inquiry.chain.vendor.name;
  switch (reason) {
    case 'handed_over':
      return t.notices.handedOver(inquiry.number, by ?? '');
    case 'reopened':
      return t.notices.reopened(inquiry.number);
    case 'asker_replied':
      return t.notices.askerReplied(inquiry.number);
    case 'claim_lapsed':
      return t.notices.claimLapsed(inquiry.number, t.levels[inquiry.level]);
    case 'vendor_case':
      return t.notices.vendorCase(inquiry.number, vendor);
    case 'vendor_reminder':
      return t.notices.vendorReminder(inquiry.number, vendor);
    case 'stalled':
      return t.notices.stalled(inquiry.number, vendor);
    case 'withdrawn':
      return t.notices.withdrawn(inquiry.number);
    case 'info_added':
      return t.notices.infoAdded(inquiry.number);
    case 'asker_silent':
      return t.followUps.askerSilent(inquiry.number);
    case 'stalled_reminder':
      return t.followUps.stalledReminder(inquiry.number, vendor);
    case 'escalated':
      return t.notices.escalated(
        inquiry.number,
        unitName(inquiry, directory),
        t.levels[inquiry.level],
      );
  }
}

/** Number, unit, topic and level: what a notice shows about its inquiry. */
function noticeFacts(
  inquiry: Inquiry,
  directory: Directory,
  t: Messages,
  locale: Locale,
  timeZone: string,
): Fact[] {
  return [
    { title: t.card.number, value: inquiry.number },
    { title: t.card.unit, value: unitName(inquiry, directory) },
    { title: t.card.topic, value: topicName(inquiry, directory, locale) },
    levelFact(inquiry, t, timeZone),
  ];
}

/** A notice to one handler in 1:1 chat: why they are told, the inquiry, and the triage actions. */
export function noticeCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
  notice: { reason: HandlerNoticeReason; by?: string; note?: string },
): NoticeCardData {
  const t = messages(locale);
  const label =
    notice.reason === 'asker_replied'
      ? t.notices.reply
      : notice.reason === 'withdrawn'
        ? t.notices.reason
        : notice.reason === 'info_added'
          ? t.notices.added
          : t.notices.comment;
  return {
    line: noticeLine(inquiry, directory, t, notice.reason, notice.by),
    ...(notice.note ? { comment: { label, text: longText(notice.note) } } : {}),
    ...handlerNoticeBody(inquiry, directory, t, locale, timeZone),
  };
}

/** What every notice to a handler shows below its first line, with the triage actions. */
export function handlerNoticeBody(
  inquiry: Inquiry,
  directory: Directory,
  t: Messages,
  locale: Locale,
  timeZone: string,
): Omit<NoticeCardData, 'line' | 'mentions' | 'comment' | 'hint'> {
  return {
    statusLine: handlerStatusLine(inquiry, t),
    statusColor: statusColors[inquiry.status],
    facts: noticeFacts(inquiry, directory, t, locale, timeZone),
    people: [askerLine(inquiry, t), holderLine(inquiry, t)],
    question: longText(inquiry.text),
    actions: triageActions(inquiry, directory, t, locale),
    labels: { question: t.card.question, showAll: t.card.showAll },
  };
}

/** What a notice says at its top, kept when it is sent so that it can be shown again unchanged. */
export function noticeHeadOf(data: NoticeCardData): NoticeHead {
  return {
    ...(data.line ? { line: data.line } : {}),
    ...(data.mentions ? { mentions: data.mentions } : {}),
    ...(data.comment
      ? { comment: { label: data.comment.label, text: data.comment.text.full } }
      : {}),
  };
}

/**
 * A notice as it was sent at the top, and below it the inquiry as it is now with only the actions
 * that still apply: how a ping or a 1:1 notice is updated in place when the inquiry changes.
 */
export function currentNoticeCard(
  head: NoticeHead,
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
  refusal?: string,
): AdaptiveCardJson {
  const t = messages(locale);
  return renderNoticeCard({
    ...(head.line ? { line: head.line } : {}),
    ...(head.mentions ? { mentions: head.mentions } : {}),
    ...(head.comment
      ? { comment: { label: head.comment.label, text: longText(head.comment.text) } }
      : {}),
    ...(refusal ? { hint: refusal } : {}),
    ...handlerNoticeBody(inquiry, directory, t, locale, timeZone),
  });
}
