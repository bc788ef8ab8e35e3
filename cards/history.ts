import { messages, type Locale } from '../src/i18n';
import type { Inquiry, InquiryEvent, Place } from '../src/inquiries/inquiry';
import type { Directory } from '../src/org/directory';
import { startOf } from '../src/text';
import { eventWhat } from './history-lines';
import { handlerStatusLine, header, statusColors } from './inquiry-lines';
import { expandTemplate, previewLength, type AdaptiveCardJson, type StatusColor } from './render';
import { Verbs } from './verbs';
import template from './history.json';

/**
 * The most events the card shows, the latest ones; with every note cut to a preview, the card
 * stays within Teams' size limit however long the inquiry's life.
 */
export const maxHistoryEvents = 40;

interface HistoryLine {
  what: string;
  when: string;
  weight: 'Default' | 'Bolder';
  note?: string;
}

export interface HistoryCardData {
  inquiryId: string;
  header: string;
  statusLine: string;
  statusColor: StatusColor;
  title: string;
  shortened?: string;
  events: HistoryLine[];
  labels: { back: string };
}

export function renderHistoryCard(data: HistoryCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verbs: Verbs });
}

function placeName(place: Place, directory: Directory, locale: Locale): string {
  const unit = directory.unit(place.unitId)?.name ?? place.unitId;
  const topic = directory.topic(place.topicId)?.name[locale] ?? place.topicId;
  return `${unit} · ${topic}`;
}

function noteOf(event: InquiryEvent, directory: Directory, locale: Locale): string | undefined {
  const t = messages(locale);
  const parts = [
    ...(event.move
      ? [
          t.history.moved(
            placeName(event.move.from, directory, locale),
            placeName(event.move.to, directory, locale),
          ),
        ]
      : []),
    ...(event.type === 'noted' ? [t.history.internal] : []),
    ...(event.note ? [event.note] : []),
  ];
  if (parts.length === 0) return undefined;
  const text = parts.join(': ');
  return text.length > previewLength ? `${startOf(text, previewLength).trimEnd()} …` : text;
}

/** Every event of an inquiry, who did what and when, oldest first: for its handlers only. */
export function historyCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
): HistoryCardData {
  const t = messages(locale);
  const timeZone = directory.timeZone;
  const shown = inquiry.history.slice(-maxHistoryEvents);
  return {
    inquiryId: inquiry.id,
    header: header(inquiry, directory, locale),
    statusLine: handlerStatusLine(inquiry, t),
    statusColor: statusColors[inquiry.status],
    title: t.history.title,
    ...(shown.length < inquiry.history.length
      ? { shortened: t.history.shortened(shown.length, inquiry.history.length) }
      : {}),
    events: shown.map((event) => {
      const note = noteOf(event, directory, locale);
      return {
        what: eventWhat(event, t),
        when: t.dateTime(new Date(event.at), timeZone),
        weight: event.type === 'noted' ? 'Bolder' : 'Default',
        ...(note ? { note } : {}),
      };
    }),
    labels: { back: t.history.back },
  };
}
