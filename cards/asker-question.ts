import { messages, type Locale } from '../src/i18n';
import type { Inquiry } from '../src/inquiries/inquiry';
import type { Directory } from '../src/org/directory';
import { askerStatusLine, statusColors, topicName } from './inquiry-lines';
import type { NoticeCardData } from './notice';
import { longText } from './render';

// The handler's question reaches the asker as a notice card, without handler actions.

/** The handler's question to the asker, with a hint to reply in the chat. */
export function askerQuestionCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  /** `reminder`: the question again, as a reminder that it waits for a reply. */
  { reminder = false }: { reminder?: boolean } = {},
): NoticeCardData {
  const t = messages(locale);
  const asked = [...inquiry.history].reverse().find((e) => e.type === 'asked_asker');
  const name = asked?.by?.name ?? inquiry.assignee?.name ?? '';
  return {
    line: reminder
      ? t.followUps.askerReminder(name, inquiry.number)
      : t.askerNotices.question(name, inquiry.number),
    comment: { label: t.card.questionFrom(name), text: longText(asked?.note ?? '') },
    hint: t.askerNotices.replyHint,
    statusLine: askerStatusLine(inquiry, directory, t),
    statusColor: statusColors[inquiry.status],
    facts: [
      { title: t.card.number, value: inquiry.number },
      { title: t.card.topic, value: topicName(inquiry, directory, locale) },
    ],
    people: [],
    question: longText(inquiry.text),
    labels: { question: t.card.yourQuestion, showAll: t.card.showAll },
  };
}
