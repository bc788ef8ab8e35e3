import { messages, type Locale, type Messages } from '../src/i18n';
import {
  levels,
  type EscalationReason,
  type Inquiry,
  type InquiryEvent,
  type InquiryStatus,
} from '../src/inquiries/inquiry';
import type { AskerNoticeReason, HandlerNoticeReason } from '../src/notifications/intents';
import type { PersonRef } from '../src/inquiries/person';
import type { Directory } from '../src/org/directory';
import { handOverCandidates, nextLevel, targetsAt } from '../src/routing/chain';
import type { AnswerCardData } from './answer';
import type { AskerResponseActions, AskerStatusCardData } from './asker-status';
import type { HelpCardData } from './help';
import type { NoticeCardData } from './notice';
import type { PickTopicCardData } from './pick-topic';
import type { PickUnitCardData } from './pick-unit';
import { longText, mentionEntity, type Fact, type PersonLine, type StatusColor } from './render';
import type { TriageActions, TriageCardData } from './triage';

// Presenters: domain objects in, card data out. Every word comes from the message catalogue.

const statusColors: Record<InquiryStatus, StatusColor> = {
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
            directory.workArea(inquiry.workAreaId)?.name ?? inquiry.workAreaId,
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

/** Where an inquiry stands, as handlers read it: "Under behandling · Sverre Lunde". */
function handlerStatusLine(inquiry: Inquiry, t: Messages): string {
  const holder = inquiry.assignee ? ` · ${inquiry.assignee.name}` : '';
  return `${t.statuses[inquiry.status]}${holder}`;
}

function unitName(inquiry: Inquiry, directory: Directory): string {
  return directory.unit(inquiry.unitId)?.name ?? inquiry.unitId;
}

function topicName(inquiry: Inquiry, directory: Directory, locale: Locale): string {
  return directory.topic(inquiry.topicId)?.name[locale] ?? inquiry.topicId;
}

/** "QM-2026-0042 · Hauge vgs · Avvik" */
function header(inquiry: Inquiry, directory: Directory, locale: Locale): string {
  const parts = [
    inquiry.number,
    unitName(inquiry, directory),
    topicName(inquiry, directory, locale),
  ];
  return parts.join(' · ');
}

function sentFact(inquiry: Inquiry, t: Messages, timeZone: string): Fact {
  return { title: t.card.sent, value: t.dateTime(new Date(inquiry.createdAt), timeZone) };
}

/** "Superbruker · svar innen mandag 30. november kl. 14:00" while the level owes a response. */
function levelFact(inquiry: Inquiry, t: Messages, timeZone: string): Fact {
  const level = t.levels[inquiry.level];
  // At the vendor level the clock only paces reminders; nobody here owes the response.
  const owesResponse =
    (inquiry.status === 'new' || inquiry.status === 'claimed') && inquiry.level !== 'vendor';
  return {
    title: t.card.level,
    value:
      inquiry.deadline && owesResponse
        ? t.card.respondBy(level, t.dateTime(new Date(inquiry.deadline), timeZone))
        : level,
  };
}

/**
 * The chain frozen on the inquiry, level by level: "Superbruker: Sverre Lunde, Hilde Berg →
 * Koordinator: Anne Winter → Systemansvarlig: Arne Hope → Leverandør: Leverandør AS".
 */
function chainLine(inquiry: Inquiry, t: Messages): PersonLine {
  const steps = levels.flatMap((level) => {
    const names =
      level === 'vendor'
        ? [inquiry.chain.vendor.name]
        : inquiry.chain[level].map((person) => person.name);
    return names.length > 0 ? [`${t.levels[level]}: ${names.join(', ')}`] : [];
  });
  return { label: t.card.chain, name: steps.join(' → ') };
}

function askerLine(inquiry: Inquiry, t: Messages): PersonLine {
  return { label: t.card.asker, name: inquiry.asker.name };
}

function holderLine(inquiry: Inquiry, t: Messages): PersonLine {
  return { label: t.card.holder, name: inquiry.assignee?.name ?? t.card.nobody };
}

/** For the asker: who holds it, or whom it waits for at its level. */
function waitingForLine(inquiry: Inquiry, t: Messages): PersonLine {
  if (inquiry.assignee) return holderLine(inquiry, t);
  const names = targetsAt(inquiry.chain, inquiry.level).map((p) => p.name);
  const level = t.levels[inquiry.level];
  return {
    label: t.card.holder,
    name: names.length > 0 ? t.card.waitingFor(names.join(', '), level) : level,
  };
}

/** "Sverre Lunde tok saken · mandag 30. november kl. 10:15" */
function describeEvent(event: InquiryEvent, t: Messages, timeZone: string): string {
  const who = event.by?.name ?? '';
  const what = ((): string => {
    switch (event.type) {
      case 'opened':
        return who ? `${t.events.opened}: ${who}` : t.events.opened;
      case 'routed':
        return event.level
          ? `${t.events.routed} ${t.levels[event.level].toLowerCase()}`
          : t.events.routed;
      case 'handed_over':
        return `${who} ${t.events.handed_over} ${event.to?.name ?? ''}`;
      case 'escalated': {
        const sent = `${t.events.escalated} ${event.level ? t.levels[event.level].toLowerCase() : ''}`;
        return who ? `${who}: ${sent.trim()}` : sent;
      }
      case 'reminded':
      case 'vendor_case':
      case 'vendor_reminded':
      case 'stalled':
      case 'asker_replied':
      case 'confirmed_resolved':
      case 'reopened':
      case 'notified':
      case 'delivery_failed':
        return t.events[event.type];
      default:
        return `${who} ${t.events[event.type]}`;
    }
  })();
  return `${what.trim()} · ${t.dateTime(new Date(event.at), timeZone)}`;
}

/** The last step someone took; deliveries are bookkeeping, not steps. */
function lastStep(inquiry: Inquiry, t: Messages, timeZone: string): string | undefined {
  const steps = inquiry.history.filter(
    (e) => e.type !== 'notified' && e.type !== 'delivery_failed',
  );
  const last = steps[steps.length - 1];
  return last ? describeEvent(last, t, timeZone) : undefined;
}

/**
 * A mailto link to the vendor with subject and body written out: the number, unit, topic, the
 * question and who sends it. The question is shortened so the link stays within what mail
 * programs accept.
 */
export function vendorEmailLink(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
): string | undefined {
  const vendorCase = inquiry.vendorCase;
  if (!vendorCase) return undefined;
  const t = messages(locale);
  const question = inquiry.text.length > 1500 ? `${inquiry.text.slice(0, 1499)}…` : inquiry.text;
  const sender = inquiry.assignee?.name ?? vendorCase.by?.name;
  const body = [
    t.vendorEmail.greeting,
    '',
    t.vendorEmail.intro,
    '',
    `${t.card.number}: ${inquiry.number}`,
    `${t.card.unit}: ${unitName(inquiry, directory)}`,
    `${t.card.topic}: ${topicName(inquiry, directory, locale)}`,
    `${t.card.sent}: ${t.dateTime(new Date(inquiry.createdAt), directory.timeZone)}`,
    '',
    `${t.card.question}:`,
    question,
    '',
    t.vendorEmail.closing,
    ...(sender ? [sender] : []),
  ].join('\r\n');
  const query = `subject=${encodeURIComponent(vendorCase.subject)}&body=${encodeURIComponent(body)}`;
  return `mailto:${vendorCase.vendor.email}?${query}`;
}

/** The handler actions the state machine accepts in the inquiry's current state. */
function triageActions(
  inquiry: Inquiry,
  directory: Directory,
  t: Messages,
  locale: Locale,
): TriageActions {
  const { status } = inquiry;
  const open = status === 'new' || status === 'claimed';
  const candidates = handOverCandidates(inquiry);
  const next = nextLevel(inquiry.chain, inquiry.level);
  const vendorEmail =
    inquiry.level === 'vendor' ? vendorEmailLink(inquiry, directory, locale) : undefined;
  return {
    inquiryId: inquiry.id,
    claim: status === 'new',
    answer: open || ['answered', 'stalled', 'waiting_for_asker'].includes(status),
    handOver: open && inquiry.level === 'superuser' && candidates.length > 0,
    escalate: open && next !== undefined,
    toVendorChoice: inquiry.level !== 'superuser' && next !== undefined && next !== 'vendor',
    // Asked after taking it; leaving it off new inquiries keeps the card within five actions.
    askAsker: status === 'claimed',
    resolve: open || ['answered', 'waiting_for_asker', 'stalled'].includes(status),
    ...(vendorEmail ? { vendorEmail } : {}),
    handOverChoices: candidates.map((p) => ({ title: p.name, value: p.key })),
    labels: {
      claim: t.actions.claim,
      answer: t.actions.answer,
      answerPlaceholder: t.actions.answerPlaceholder,
      answerRequired: t.actions.answerRequired,
      sendAnswer: t.actions.sendAnswer,
      handOver: t.actions.handOver,
      handOverTo: t.actions.handOverTo,
      handOverRequired: t.actions.handOverRequired,
      confirmHandOver: t.actions.confirmHandOver,
      escalate: next ? t.actions.escalateTo(t.levels[next]) : '',
      escalateNote: t.actions.escalateNote,
      toVendor: t.actions.toVendor,
      confirmEscalate: t.actions.confirmEscalate,
      askAsker: t.actions.askAsker,
      askAskerLabel: t.actions.askAskerLabel,
      askAskerRequired: t.actions.askAskerRequired,
      sendQuestion: t.actions.sendQuestion,
      emailVendor: t.actions.emailVendor,
      resolve: t.actions.resolve,
    },
  };
}

function askerResponseActions(inquiry: Inquiry, t: Messages): AskerResponseActions {
  return {
    inquiryId: inquiry.id,
    respond: inquiry.status === 'answered',
    labels: {
      resolved: t.actions.resolved,
      notResolved: t.actions.notResolved,
      notResolvedComment: t.actions.notResolvedComment,
      sendNotResolved: t.actions.sendNotResolved,
    },
  };
}

export function triageCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  options: { timeZone: string; mention: boolean },
): TriageCardData {
  const t = messages(locale);
  const { timeZone } = options;
  const entities = options.mention
    ? targetsAt(inquiry.chain, inquiry.level).map(mentionEntity)
    : [];
  const step = lastStep(inquiry, t, timeZone);
  return {
    header: header(inquiry, directory, locale),
    statusLine: handlerStatusLine(inquiry, t),
    statusColor: statusColors[inquiry.status],
    facts: [levelFact(inquiry, t, timeZone), sentFact(inquiry, t, timeZone)],
    people: [askerLine(inquiry, t), holderLine(inquiry, t), chainLine(inquiry, t)],
    question: longText(inquiry.text),
    ...(inquiry.answer
      ? {
          answer: {
            heading: t.card.answeredBy(inquiry.answer.by.name),
            text: longText(inquiry.answer.text),
          },
        }
      : {}),
    ...(step ? { lastStep: step } : {}),
    ...(entities.length > 0
      ? { mentions: { line: t.card.mentionLine(entities.map((e) => e.text).join(' ')), entities } }
      : {}),
    actions: triageActions(inquiry, directory, t, locale),
    labels: { question: t.card.question, showAll: t.card.showAll, lastStep: t.card.lastStep },
  };
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

export function noticeCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
  notice: { reason: HandlerNoticeReason; by?: string; note?: string },
): NoticeCardData {
  const t = messages(locale);
  const label = notice.reason === 'asker_replied' ? t.notices.reply : t.notices.comment;
  return {
    line: noticeLine(inquiry, directory, t, notice.reason, notice.by),
    ...(notice.note ? { comment: { label, text: longText(notice.note) } } : {}),
    ...handlerNoticeBody(inquiry, directory, t, locale, timeZone),
  };
}

/** What every notice to a handler shows below its first line, with the triage actions. */
function handlerNoticeBody(
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
  const names = entities.map((e) => e.text).join(' ');
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

/** The handler's question to the asker, with a hint to reply in the chat. */
export function askerQuestionCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
): NoticeCardData {
  const t = messages(locale);
  const asked = [...inquiry.history].reverse().find((e) => e.type === 'asked_asker');
  const name = asked?.by?.name ?? inquiry.assignee?.name ?? '';
  return {
    line: t.askerNotices.question(name, inquiry.number),
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

/** What the asker is told, in plain words, when the inquiry moves up or stalls. */
export function askerNoticeText(
  inquiry: Inquiry,
  directory: Directory,
  reason: AskerNoticeReason,
): string {
  const t = messages(inquiry.locale);
  if (reason === 'stalled') return t.askerNotices.stalled(inquiry.number);
  if (inquiry.level === 'vendor') {
    return t.askerNotices.vendor(inquiry.number, inquiry.chain.vendor.name);
  }
  return t.askerNotices.escalated(
    inquiry.number,
    t.levels[inquiry.level],
    directory.workArea(inquiry.workAreaId)?.name ?? inquiry.workAreaId,
  );
}

export function askerStatusCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
): AskerStatusCardData {
  const t = messages(locale);
  return {
    header: header(inquiry, directory, locale),
    statusLine: askerStatusLine(inquiry, directory, t),
    statusColor: statusColors[inquiry.status],
    facts: [sentFact(inquiry, t, timeZone)],
    people: [waitingForLine(inquiry, t)],
    question: longText(inquiry.text),
    actions: askerResponseActions(inquiry, t),
    labels: { question: t.card.question, showAll: t.card.showAll },
  };
}

export function answerCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  timeZone: string,
): AnswerCardData {
  const t = messages(locale);
  const actions = askerResponseActions(inquiry, t);
  const { answer } = inquiry;
  return {
    header: header(inquiry, directory, locale),
    statusLine: askerStatusLine(inquiry, directory, t),
    statusColor: statusColors[inquiry.status],
    heading: answer ? t.card.answeredBy(answer.by.name) : t.card.answer,
    answer: longText(answer?.text ?? ''),
    facts: answer
      ? [{ title: t.card.answeredAt, value: t.dateTime(new Date(answer.at), timeZone) }]
      : [],
    ...(actions.respond ? { prompt: t.card.answerPrompt } : {}),
    actions,
    labels: { showAll: t.card.showAll },
  };
}

export function helpCardData(
  directory: Directory,
  unitId: string | undefined,
  locale: Locale,
): HelpCardData {
  const t = messages(locale);
  const unit = unitId ? directory.unit(unitId) : undefined;
  const superusers = (unit?.superusers ?? []).flatMap((email) => {
    const person = directory.staffMember(email);
    return person ? [{ name: person.name }] : [];
  });
  return {
    title: t.help.title,
    intro: t.help.intro,
    examples: t.help.examples,
    ...(unit && superusers.length > 0
      ? { superusersHeading: t.help.yourSuperusers(unit.name) }
      : {}),
    superusers,
    ...(unit && superusers.length === 0 ? { noSuperusers: t.help.noSuperusers(unit.name) } : {}),
    privacy: t.help.privacy,
  };
}

export function pickUnitCardData(
  directory: Directory,
  locale: Locale,
  draftId: string,
): PickUnitCardData {
  const t = messages(locale);
  const collator = new Intl.Collator(locale);
  return {
    draftId,
    title: t.pickUnit.title,
    body: t.pickUnit.body,
    label: t.card.unit,
    placeholder: t.pickUnit.placeholder,
    required: t.pickUnit.required,
    submit: t.pickUnit.submit,
    privacy: t.help.privacy,
    units: directory
      .allUnits()
      .map((u) => ({
        title: `${u.name} (${directory.workArea(u.workArea)?.name ?? u.workArea})`,
        value: u.id,
      }))
      .sort((a, b) => collator.compare(a.title, b.title)),
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
    question: longText(question),
    label: t.card.topic,
    required: t.pickTopic.required,
    submit: t.pickTopic.submit,
    privacy: t.help.privacy,
    topics: directory.allTopics().map((topic) => ({ title: topic.name[locale], value: topic.id })),
    labels: { showAll: t.card.showAll },
  };
}
