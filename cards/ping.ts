import { messages, type Locale } from '../src/i18n';
import type { EscalationReason, Inquiry } from '../src/inquiries/inquiry';
import type { PersonRef } from '../src/inquiries/person';
import type { Directory } from '../src/org/directory';
import { unitName } from './inquiry-lines';
import { handlerNoticeBody, type NoticeCardData } from './notice';
import { longText, mentionEntity, mentionList } from './render';

// A ping or reminder is a notice card that mentions the people who must act now.

/** What a ping or a reminder in the thread is about. */
export type PingReason = EscalationReason | 'reminder';

/**
 * A reply in the inquiry's thread (or a 1:1 message) that mentions the people who must act now:
 * "@Torbjørn Aas: QM-2026-0042 fra Hauge vgs har ikke fått svar på 4 arbeidstimer. Kan du ta den?"
 */
export function pingCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  ping: { reason: PingReason; people: PersonRef[]; waited?: string },
): NoticeCardData {
  const t = messages(locale);
  const { timeZone } = directory;
  const entities = ping.people.map(mentionEntity);
  const names = mentionList(entities, locale);
  const unit = unitName(inquiry, directory);
  const escalation = [...inquiry.history].reverse().find((e) => e.type === 'escalated');
  const line = ((): string => {
    switch (ping.reason) {
      case 'reminder':
        return t.pings.reminder(
          names,
          inquiry.number,
          inquiry.deadline ? t.dateTime(new Date(inquiry.deadline), timeZone) : '',
        );
      case 'claim_timeout': {
        const lapsed = [...inquiry.history]
          .reverse()
          .find((e) => e.type === 'claimed' || e.type === 'handed_over');
        const holder = lapsed?.type === 'handed_over' ? lapsed.to?.name : lapsed?.by?.name;
        return t.pings.claimTimeout(names, inquiry.number, unit, holder ?? '');
      }
      case 'manual':
        return t.pings.manual(names, inquiry.number, unit, escalation?.by?.name ?? '');
      case 'deadline':
        return t.pings.deadline(names, inquiry.number, unit, ping.waited ?? '');
    }
  })();
  const note = ping.reason === 'manual' ? escalation?.note : undefined;
  return {
    mentions: { line, entities },
    ...(note ? { comment: { label: t.pings.note, text: longText(note) } } : {}),
    ...handlerNoticeBody(inquiry, directory, t, locale, timeZone),
  };
}
