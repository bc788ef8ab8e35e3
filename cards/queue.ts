import type { EscalationTiming } from '../src/escalation/policy';
import { messages, type Locale, type Messages } from '../src/i18n';
import type { Inquiry } from '../src/inquiries/inquiry';
import type { PersonRef } from '../src/inquiries/person';
import {
  maxQueueRead,
  queueGroups,
  type Queue,
  type QueueFilter,
  type QueueGroup,
} from '../src/inquiries/queue';
import { allowedTransitions } from '../src/inquiries/state-machine';
import { owesResponseByDeadline } from '../src/inquiries/statuses';
import type { Directory } from '../src/org/directory';
import { handlerRole } from '../src/routing/authorisation';
import { header } from './inquiry-lines';
import { expandTemplate, type AdaptiveCardJson } from './render';
import { Inputs, Verbs } from './verbs';
import template from './queue.json';

/**
 * Inquiries on one page of the queue. Measured: a page of 12 lines with a claim and an open action
 * each is about 10.3 KB, so a page of 20 is about 17 KB, leaving room under Teams' card limit of
 * about 28 KB for the filter's choices (at most `maxChoices` units and topics). The queue test
 * measures every page of a queue of 300.
 */
export const queuePageSize = 20;

/** The value of a filter choice that lets everything through. */
export const allChoice = '*';

/** What a queue action carries: the page and the filter the reader is looking at. */
export interface QueueState {
  page: number;
  [Inputs.queueUnit]: string;
  [Inputs.queueTopic]: string;
  [Inputs.queueGroup]: string;
}

interface QueueLine {
  title: string;
  detail: string;
  claim: boolean;
  claimData: QueueState & { inquiryId: string };
  openData: { inquiryId: string };
}

export interface QueueCardData {
  title: string;
  summary: string;
  filterLine?: string;
  groups: { heading: string; lines: QueueLine[] }[];
  empty?: string;
  pageLine?: string;
  previous?: QueueState;
  next?: QueueState;
  current: QueueState;
  filter: { unit: string; topic: string; group: string };
  units: { title: string; value: string }[];
  topics: { title: string; value: string }[];
  groupChoices: { title: string; value: string }[];
  labels: {
    claim: string;
    open: string;
    previous: string;
    next: string;
    filter: string;
    unit: string;
    topic: string;
    group: string;
    show: string;
    refresh: string;
  };
}

export function renderQueueCard(data: QueueCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verbs: Verbs, inputs: Inputs });
}

/** The queue's state as its actions carry it. */
export function queueState(filter: QueueFilter, page: number): QueueState {
  return {
    page,
    [Inputs.queueUnit]: filter.unitId ?? allChoice,
    [Inputs.queueTopic]: filter.topicId ?? allChoice,
    [Inputs.queueGroup]: filter.group ?? allChoice,
  };
}

/** "Ventet 3 arbeidstimer": the business time since the inquiry was sent. */
function ageText(inquiry: Inquiry, now: Date, timing: EscalationTiming, t: Messages): string {
  const ms = timing.calendar.workingBetween(new Date(inquiry.createdAt), now);
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t.queue.justNow;
  const iso = minutes < 60 ? `PT${minutes}M` : `PT${Math.floor(minutes / 60)}H`;
  return t.queue.age(timing.calendar.roundTheClock ? t.duration(iso) : t.businessDuration(iso));
}

/** The most units or topics a filter offers, so that the card stays within its size. */
const maxChoices = 40;

/** Filter choices for the ids in the queue, by name. */
function choices(
  ids: readonly string[],
  name: (id: string) => string | undefined,
): { title: string; value: string }[] {
  return ids
    .map((id) => ({ title: name(id) ?? id, value: id }))
    .sort((a, b) => a.title.localeCompare(b.title))
    .slice(0, maxChoices);
}

/**
 * What a queue line says of an inquiry: number, unit and topic; how long it has waited in
 * business time, its deadline while someone owes a response, and who holds it.
 */
export function queueLineText(
  inquiry: Inquiry,
  at: { now: Date; timing: EscalationTiming },
  directory: Directory,
  locale: Locale,
): { title: string; detail: string } {
  const t = messages(locale);
  const deadline =
    inquiry.deadline && owesResponseByDeadline(inquiry)
      ? [t.queue.deadline(t.dateTime(new Date(inquiry.deadline), directory.timeZone))]
      : [];
  return {
    title: header(inquiry, directory, locale),
    detail: [
      ageText(inquiry, at.now, at.timing, t),
      ...deadline,
      inquiry.assignee?.name ?? t.card.nobody,
    ].join(' · '),
  };
}

export interface QueueView {
  /** The queue as `loadQueue` read it, with `queuePageSize` lines to a page. */
  queue: Queue;
  filter: QueueFilter;
  /** The one reading it: their actions are asked of the state machine. */
  reader: PersonRef;
  /** The work area, when the queue is a triage channel's. */
  workAreaId?: string;
  now: Date;
  timing: EscalationTiming;
}

/** One page of a handler's queue, grouped by what needs action, with the actions that fit. */
export function queueCardData(
  view: QueueView,
  directory: Directory,
  locale: Locale,
): QueueCardData {
  const t = messages(locale);
  const { queue, filter, reader, now, timing } = view;
  const { page, pages, shown } = queue;
  const state = queueState(filter, page);
  const line = (inquiry: Inquiry): QueueLine => {
    const role = handlerRole(directory, inquiry, reader.email);
    const allowed = allowedTransitions(inquiry, { person: reader, ...(role ? { role } : {}) });
    return {
      ...queueLineText(inquiry, { now, timing }, directory, locale),
      claim: allowed.includes('claim'),
      claimData: { ...state, inquiryId: inquiry.id },
      openData: { inquiryId: inquiry.id },
    };
  };
  const groups = queueGroups.flatMap((group) => {
    const lines = shown.filter((entry) => entry.group === group).map((e) => line(e.inquiry));
    return lines.length ? [{ heading: t.queue.groups[group], lines }] : [];
  });
  const total = queueGroups.reduce((sum, group) => sum + queue.counts[group], 0);
  const summary = [
    t.queue.total(total),
    ...queueGroups.flatMap((group) =>
      queue.counts[group] ? [`${t.queue.groups[group]}: ${queue.counts[group]}`] : [],
    ),
  ].join(' · ');
  const filterParts = [
    ...(filter.unitId ? [directory.unit(filter.unitId)?.name ?? filter.unitId] : []),
    ...(filter.topicId ? [directory.topic(filter.topicId)?.name[locale] ?? filter.topicId] : []),
    ...(filter.group ? [t.queue.groups[filter.group]] : []),
  ];
  const all = { title: t.queue.all, value: allChoice };
  const workArea = view.workAreaId ? directory.workArea(view.workAreaId) : undefined;
  return {
    title: workArea ? t.queue.titleFor(workArea.name) : t.queue.title,
    summary: queue.truncated ? `${summary}. ${t.queue.truncated(maxQueueRead)}` : summary,
    ...(filterParts.length ? { filterLine: t.queue.filterLine(filterParts.join(' · ')) } : {}),
    groups,
    ...(shown.length === 0 ? { empty: t.queue.empty } : {}),
    ...(pages > 1 ? { pageLine: t.queue.page(page + 1, pages) } : {}),
    ...(page > 0 ? { previous: queueState(filter, page - 1) } : {}),
    ...(page < pages - 1 ? { next: queueState(filter, page + 1) } : {}),
    current: state,
    filter: {
      unit: state[Inputs.queueUnit],
      topic: state[Inputs.queueTopic],
      group: state[Inputs.queueGroup],
    },
    units: [all, ...choices(queue.unitIds, (id) => directory.unit(id)?.name)],
    topics: [all, ...choices(queue.topicIds, (id) => directory.topic(id)?.name[locale])],
    groupChoices: [
      all,
      ...queueGroups.map((group: QueueGroup) => ({ title: t.queue.groups[group], value: group })),
    ],
    labels: {
      claim: t.actions.claim,
      open: t.queue.open,
      previous: t.queue.previous,
      next: t.queue.next,
      filter: t.queue.filter,
      unit: t.card.unit,
      topic: t.card.topic,
      group: t.queue.group,
      show: t.queue.show,
      refresh: t.queue.refresh,
    },
  };
}
