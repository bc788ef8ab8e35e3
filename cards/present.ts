import type { Messages } from '../src/i18n';
import { messages, type Locale } from '../src/i18n';
import type { Inquiry, InquiryEvent } from '../src/inquiries/inquiry';
import type { HandlerNoticeReason } from '../src/notifications/intents';
import type { Directory } from '../src/org/directory';
import { handOverCandidates, targetsAt } from '../src/routing/chain';
import type { AnswerCardData } from './answer';
import type { AskerCardData } from './asker-status';
import type { HelpCardData } from './help';
import type { NoticeCardData } from './notice';
import type { PickTopicCardData } from './pick-topic';
import type { PickUnitCardData } from './pick-unit';
import { longText, mentionEntity } from './render';
import type { Fact, TriageCardData } from './triage';

type Color = TriageCardData['statusColor'];

const statusColors: Record<Inquiry['status'], Color> = {
  new: 'Warning',
  claimed: 'Accent',
  answered: 'Good',
  resolved: 'Good',
  waiting_for_asker: 'Accent',
  withdrawn: 'Default',
  stalled: 'Attention',
};

/** Where an inquiry stands, in the words the asker reads ("Sverre Lunde ser på saken"). */
export function askerStatusLine(inquiry: Inquiry, directory: Directory, t: Messages): string {
  switch (inquiry.status) {
    case 'new':
      return inquiry.level === 'superuser'
        ? t.askerStatus.waitingSuperuser
        : t.askerStatus.sentOn(
            t.levels[inquiry.level],
            directory.workArea(inquiry.workAreaId)?.name ?? '',
          );
    case 'claimed':
      return t.askerStatus.handling(inquiry.assignee?.name ?? '');
    case 'answered':
      return t.askerStatus.answered(inquiry.answer?.by.name ?? inquiry.assignee?.name ?? '');
    case 'resolved':
      return t.askerStatus.resolved;
    case 'withdrawn':
      return t.askerStatus.withdrawn;
    case 'waiting_for_asker':
      return t.askerStatus.waitingForYou;
    case 'stalled':
      return t.askerStatus.stalled;
  }
}

function header(inquiry: Inquiry, directory: Directory, locale: Locale): string {
  const unit = directory.unit(inquiry.unitId)?.name ?? inquiry.unitId;
  return `${inquiry.number} · ${unit} · ${topicName(inquiry, directory, locale)}`;
}

function topicName(inquiry: Inquiry, directory: Directory, locale: Locale): string {
  return directory.topic(inquiry.topicId)?.name[locale] ?? inquiry.topicId;
}

/** Who holds the inquiry, or who it waits for at its level. */
function holder(inquiry: Inquiry, t: Messages): string {
  if (inquiry.assignee) return inquiry.assignee.name;
  const names = targetsAt(inquiry.chain, inquiry.level).map((p) => p.name);
  return names.length > 0
    ? t.card.waitingFor(names.join(', '), t.levels[inquiry.level])
    : t.card.nobody;
}

function describeEvent(event: InquiryEvent, t: Messages, timeZone: string): string {
  const who = event.by?.name ?? '';
  const what = ((): string => {
    switch (event.type) {
      case 'opened':
        return `${t.events.opened}: ${who}`;
      case 'routed':
        return `${t.events.routed} ${event.level ? t.levels[event.level].toLowerCase() : ''}`.trim();
      case 'handed_over':
        return `${who} ${t.events.handed_over} ${event.to?.name ?? ''}`;
      case 'confirmed_resolved':
      case 'reopened':
        return t.events[event.type];
      case 'notified':
      case 'delivery_failed':
        return `${t.events[event.type]}: ${event.note ?? ''}`;
      default:
        return `${who} ${t.events[event.type]}`;
    }
  })();
  return `${what} · ${t.dateTime(new Date(event.at), timeZone)}`;
}

/** The last step people did; deliveries are bookkeeping, not steps. */
function lastStep(inquiry: Inquiry, t: Messages, timeZone: string): string {
  const steps = inquiry.history.filter(
    (e) => e.type !== 'notified' && e.type !== 'delivery_failed',
  );
  const last = steps[steps.length - 1];
  return last ? describeEvent(last, t, timeZone) : '';
}

function answerSection(
  inquiry: Inquiry,
  t: Messages,
): { heading: string; text: string } | undefined {
  return inquiry.answer
    ? { heading: t.card.answeredBy(inquiry.answer.by.name), text: inquiry.answer.text }
    : undefined;
}

export function triageCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  options: { timeZone: string; mention: boolean },
): TriageCardData {
  const t = messages(locale);
  const level = inquiry.deadline
    ? `${t.levels[inquiry.level]} · ${t.dateTime(new Date(inquiry.deadline), options.timeZone)}`
    : t.levels[inquiry.level];
  const facts: Fact[] = [
    { title: t.card.asker, value: inquiry.asker.name },
    { title: t.card.unit, value: directory.unit(inquiry.unitId)?.name ?? inquiry.unitId },
    { title: t.card.topic, value: topicName(inquiry, directory, locale) },
    { title: t.card.level, value: level },
    { title: t.card.holder, value: inquiry.assignee?.name ?? t.card.nobody },
    { title: t.card.sent, value: t.dateTime(new Date(inquiry.createdAt), options.timeZone) },
  ];
  const open = inquiry.status === 'new' || inquiry.status === 'claimed';
  const candidates = handOverCandidates(inquiry);
  const targets = targetsAt(inquiry.chain, inquiry.level);
  const entities = targets.map(mentionEntity);
  const assignee = inquiry.assignee ? ` · ${inquiry.assignee.name}` : '';
  const answer = answerSection(inquiry, t);
  return {
    inquiryId: inquiry.id,
    header: header(inquiry, directory, locale),
    statusLine: `${t.statuses[inquiry.status]}${assignee}`,
    statusColor: statusColors[inquiry.status],
    facts,
    question: longText(inquiry.text),
    ...(answer ? { answer } : {}),
    lastStep: lastStep(inquiry, t, options.timeZone),
    ...(options.mention && entities.length > 0
      ? { mentions: { line: t.card.mentionLine(entities.map((e) => e.text).join(' ')), entities } }
      : {}),
    actions: {
      claim: inquiry.status === 'new',
      answer: open || inquiry.status === 'answered',
      handOver: open && candidates.length > 0,
      resolve: open || inquiry.status === 'answered',
    },
    handOverChoices: candidates.map((p) => ({ title: p.name, value: p.key })),
    labels: {
      question: t.card.question,
      showAll: t.card.showAll,
      lastStep: t.card.lastStep,
      claim: t.actions.claim,
      answer: t.actions.answer,
      answerPlaceholder: t.actions.answerPlaceholder,
      answerRequired: t.actions.answerRequired,
      sendAnswer: t.actions.sendAnswer,
      handOver: t.actions.handOver,
      handOverTo: t.actions.handOverTo,
      handOverRequired: t.actions.handOverRequired,
      confirmHandOver: t.actions.confirmHandOver,
      resolve: t.actions.resolve,
    },
  };
}

export function noticeCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
  notice: { reason: HandlerNoticeReason; by?: string; note?: string },
): NoticeCardData {
  const t = messages(locale);
  const line =
    notice.reason === 'handed_over'
      ? t.notices.handedOver(inquiry.number, notice.by ?? '')
      : t.notices.reopened(inquiry.number);
  return {
    ...triageCardData(inquiry, directory, locale, { timeZone, mention: false }),
    notice: {
      line,
      commentLabel: t.notices.comment,
      ...(notice.note ? { comment: notice.note } : {}),
    },
  };
}

export function askerStatusCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
): AskerCardData {
  const t = messages(locale);
  const answer = answerSection(inquiry, t);
  return {
    inquiryId: inquiry.id,
    header: header(inquiry, directory, locale),
    statusLine: askerStatusLine(inquiry, directory, t),
    statusColor: statusColors[inquiry.status],
    facts: [
      { title: t.card.number, value: inquiry.number },
      { title: t.card.topic, value: topicName(inquiry, directory, locale) },
      { title: t.card.unit, value: directory.unit(inquiry.unitId)?.name ?? inquiry.unitId },
      { title: t.card.holder, value: holder(inquiry, t) },
      { title: t.card.sent, value: t.dateTime(new Date(inquiry.createdAt), timeZone) },
    ],
    question: longText(inquiry.text),
    ...(answer ? { answer } : {}),
    privacy: t.help.privacy,
    actions: { respond: inquiry.status === 'answered' },
    labels: {
      question: t.card.question,
      showAll: t.card.showAll,
      resolved: t.actions.resolved,
      notResolved: t.actions.notResolved,
      notResolvedComment: t.actions.notResolvedComment,
      sendNotResolved: t.actions.sendNotResolved,
    },
  };
}

export function answerCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
): AnswerCardData {
  const t = messages(locale);
  const status = askerStatusCardData(inquiry, directory, locale, timeZone);
  const { question: _question, privacy: _privacy, ...rest } = status;
  return {
    ...rest,
    answer: answerSection(inquiry, t) ?? { heading: t.card.answer, text: '' },
  };
}

export function helpCardData(
  directory: Directory,
  unitId: string | undefined,
  locale: Locale,
): HelpCardData {
  const t = messages(locale);
  const unit = unitId ? directory.unit(unitId) : undefined;
  const names = unit?.superusers.flatMap((email) => {
    const person = directory.staffMember(email);
    return person ? [person.name] : [];
  });
  return {
    title: t.help.title,
    intro: t.help.intro,
    examples: t.help.examples,
    ...(unit && names && names.length > 0
      ? { superusers: { heading: t.help.yourSuperusers(unit.name), people: names } }
      : {}),
    ...(unit && names?.length === 0 ? { note: t.help.noSuperusers(unit.name) } : {}),
    privacy: t.help.privacy,
  };
}

export function pickUnitCardData(
  directory: Directory,
  locale: Locale,
  draftId: string,
): PickUnitCardData {
  const t = messages(locale);
  return {
    draftId,
    title: t.pickUnit.title,
    body: t.pickUnit.body,
    placeholder: t.pickUnit.placeholder,
    required: t.pickUnit.required,
    submit: t.pickUnit.submit,
    privacy: t.help.privacy,
    units: [...directory.allUnits()]
      .map((u) => ({
        title: `${u.name} (${directory.workArea(u.workArea)?.name ?? u.workArea})`,
        value: u.id,
      }))
      .sort((a, b) => a.title.localeCompare(b.title, 'nb')),
  };
}

export function pickTopicCardData(
  directory: Directory,
  locale: Locale,
  draftId: string,
  question: string,
): PickTopicCardData {
  const t = messages(locale);
  return {
    draftId,
    title: t.pickTopic.title,
    question: longText(question).preview,
    required: t.pickTopic.required,
    submit: t.pickTopic.submit,
    privacy: t.help.privacy,
    topics: directory.allTopics().map((topic) => ({ title: topic.name[locale], value: topic.id })),
  };
}
