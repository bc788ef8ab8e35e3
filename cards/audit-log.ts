import { auditActions, type AuditEvent } from '../src/audit/audit-event';
import { messages, type Locale } from '../src/i18n';
import { DateTime } from 'luxon';
import { startOf } from '../src/text';
import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './audit-log.json';
import { Inputs, Verbs } from './verbs';

/** How many events one page of the audit log shows. */
export const auditEventsPerPage = 15;
/** How much of an event's before and after a line shows. */
const shownJson = 300;

/** The choice that filters on no action. */
export const allActions = 'all';

/** The filters as the card's inputs hold them. */
export interface AuditFilterView {
  action: string;
  person: string;
  from: string;
  to: string;
}

export interface AuditLogCardData {
  title: string;
  intro: string;
  notice?: string;
  filter: AuditFilterView;
  actions: { title: string; value: string }[];
  empty?: string;
  events: { line: string; target?: string; change?: string }[];
  beforeSeq?: number;
  labels: { action: string; person: string; from: string; to: string; show: string; next: string };
}

export function renderAuditLogCard(data: AuditLogCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verb: Verbs.auditPage, inputs: Inputs });
}

function json(value: unknown): string {
  const text = value === undefined ? '–' : JSON.stringify(value);
  return text.length > shownJson ? `${startOf(text, shownJson)} …` : text;
}

/**
 * A page of the audit log, newest first. `more` says whether older events match, so the card
 * offers the next page from the last event shown.
 */
export function auditLogCardData(
  events: AuditEvent[],
  more: boolean,
  filter: AuditFilterView,
  locale: Locale,
  timeZone: string,
  notice?: string,
): AuditLogCardData {
  const t = messages(locale).audit;
  const at = (iso: string) => DateTime.fromISO(iso).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm');
  const last = events[events.length - 1];
  return {
    title: t.title,
    intro: t.filters,
    ...(notice ? { notice } : {}),
    filter: { ...filter, action: filter.action || allActions },
    actions: [
      { title: t.allActions, value: allActions },
      ...auditActions.map((action) => ({ title: t.actions[action], value: action })),
    ],
    ...(events.length === 0 ? { empty: t.empty } : {}),
    events: events.map((event) => ({
      line: t.line(
        at(event.at),
        `${event.actor.name} (${event.actor.key})`,
        t.actions[event.action],
      ),
      ...(event.target ? { target: event.target } : {}),
      ...(event.before !== undefined || event.after !== undefined
        ? { change: t.change(json(event.before), json(event.after)) }
        : {}),
    })),
    ...(more && last ? { beforeSeq: last.seq } : {}),
    labels: {
      action: t.actionLabel,
      person: t.personLabel,
      from: t.fromLabel,
      to: t.toLabel,
      show: t.show,
      next: t.next,
    },
  };
}
