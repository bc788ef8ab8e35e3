import { messages, type Locale, type Messages } from '../src/i18n';
import { maxAnswerLength } from '../src/inquiries/commands';
import type { Inquiry } from '../src/inquiries/inquiry';
import { handlerTransitions } from '../src/inquiries/state-machine';
import { revisionOf } from '../src/inquiries/repeats';
import type { Directory } from '../src/org/directory';
import { handOverCandidates, nextLevel, targetsAt } from '../src/routing/chain';
import { lastStep } from './history-lines';
import {
  askerLine,
  awayLines,
  chainLine,
  handlerStatusLine,
  header,
  holderLine,
  levelFact,
  sentFact,
  skippedLine,
  statusColors,
} from './inquiry-lines';
import { Inputs, Verbs } from './verbs';
import {
  expandActions,
  expandTemplate,
  longText,
  mentionEntity,
  mentionList,
  withActions,
  type AdaptiveCardJson,
  type CardStatus,
  type LongText,
  type Mention,
  type PersonLine,
} from './render';
import { renderVendorContact, vendorContactData, type VendorContactData } from './vendor-contact';
import { vendorEmailLink } from './vendor-email';
import { maxVendorCaseNumberLength } from '../src/inquiries/transitions/update-vendor-case';
import {
  renderTriageKnowledge,
  triageKnowledgeData,
  type TriageKnowledgeData,
} from './triage-knowledge';
import type { SolvedInquiry } from '../src/knowledge/entry';
import template from './triage.json';

/** What a handler can do with an inquiry in its current state. */
export interface TriageActions {
  inquiryId: string;
  /** Which rendering of the inquiry the buttons belong to: a second press of one is a repeat. */
  rev: string;
  claim: boolean;
  answer: boolean;
  handOver: boolean;
  /** Send it to the next level, with an optional note; `toVendorChoice` offers skipping to the vendor. */
  escalate: boolean;
  toVendorChoice: boolean;
  askAsker: boolean;
  resolve: boolean;
  /** "Løst" asks for a closing note when nobody has answered. */
  resolveNeedsNote: boolean;
  /** A mailto link with the vendor email written out, at the vendor level. */
  vendorEmail?: string;
  /** The vendor's address and the subject as text beside the link, at the vendor level. */
  vendorContact?: VendorContactData;
  /** Text the answer form starts with ("Bruk dette svaret"); empty by default. */
  answerDraft?: string;
  /** The unit's other superusers; `value` is the person key. */
  handOverChoices: { title: string; value: string }[];
  labels: {
    claim: string;
    answer: string;
    answerPlaceholder: string;
    answerRequired: string;
    sendAnswer: string;
    handOver: string;
    handOverTo: string;
    handOverRequired: string;
    confirmHandOver: string;
    escalate: string;
    escalateNote: string;
    toVendor: string;
    confirmEscalate: string;
    askAsker: string;
    askAskerLabel: string;
    askAskerRequired: string;
    sendQuestion: string;
    emailVendor: string;
    resolve: string;
    closingNote: string;
    closingNoteRequired: string;
    confirmResolve: string;
  };
}

/** A handler's tools beside the steps: history, internal notes, the vendor case, moving it. */
export interface TriageTools {
  inquiryId: string;
  /** The rendering of the inquiry the tools were shown with (see `revisionOf`). */
  rev: string;
  note: boolean;
  vendor: boolean;
  move: boolean;
  vendorCaseNumber: string;
  unitId: string;
  topicId: string;
  units: { title: string; value: string }[];
  topics: { title: string; value: string }[];
  maxLength: number;
  maxCaseNumberLength: number;
  verbs: typeof Verbs;
  inputs: typeof Inputs;
  labels: Messages['tools'];
}

export interface TriageCardData extends CardStatus {
  /** Number, unit and topic. */
  header: string;
  /** The asker and who holds the inquiry. */
  people: PersonLine[];
  question: LongText;
  answer?: { heading: string; text: LongText };
  lastStep?: string;
  /** Files and images the asker sent: name, type and size, with the link Teams gave. */
  attachmentsHeading?: string;
  attachments: { name: string; details: string; url: string }[];
  /** How the asker rated the help. */
  rating?: { heading: string; text: string };
  /** Mentioned people: a line of `<at>` names, with their entities. First post only. */
  mentions?: { line: string; entities: Mention[] };
  actions: TriageActions;
  labels: { question: string; showAll: string; lastStep: string };
  /** Where the inquiry was moved from and to, on the card in the thread it left. */
  moved?: string;
  /** What only handlers see: internal notes and the vendor's side of a vendor case. */
  internal?: { heading: string; lines: { label: string; text: string }[] };
  tools?: TriageTools;
  /** Similar resolved inquiries and publishing to the knowledge base. */
  knowledge?: TriageKnowledgeData;
}

const { actions: actionsTemplate, ...cardTemplate } = template;

/**
 * The handler actions that fit the inquiry's state: "Jeg tar den", "Svar", "Gi videre", "Løst".
 * Shared by the triage card and the notice a handler gets in 1:1 chat.
 */
export function renderTriageActions(actions: TriageActions): unknown[] {
  return expandActions(actionsTemplate, {
    ...actions,
    answerDraft: actions.answerDraft ?? '',
    verbs: Verbs,
    inputs: Inputs,
    maxLength: maxAnswerLength,
  });
}

/** The card with the vendor's address and subject at the end of its body, when the actions offer the email. */
export function withVendorContact(
  card: AdaptiveCardJson,
  actions: TriageActions,
): AdaptiveCardJson {
  if (!actions.vendorContact) return card;
  const body = (card.body as unknown[] | undefined) ?? [];
  return { ...card, body: [...body, renderVendorContact(actions.vendorContact)] };
}

/** The triage card: what handlers see in the work area's channel thread or their 1:1 chat. */
export function renderTriageCard(data: TriageCardData): AdaptiveCardJson {
  const { mentions, actions, knowledge, ...rest } = data;
  const expanded = expandTemplate(cardTemplate, {
    ...rest,
    ...(mentions ? { mentionLine: mentions.line } : {}),
  });
  const extra = knowledge ? renderTriageKnowledge(knowledge) : [];
  const withContact = withVendorContact(expanded, actions);
  const card = withActions(
    extra.length > 0
      ? { ...withContact, body: [...(withContact.body as unknown[]), ...extra] }
      : withContact,
    renderTriageActions(actions),
  );
  return mentions ? { ...card, msteams: { entities: mentions.entities } } : card;
}

/** A card offers at most this many actions, so that Teams shows them all without "more". */
export const maxCardActions = 5;

/**
 * The handler actions of a card that every handler of the inquiry shares: the triage card in the
 * channel (Teams shows the same card to everyone there), and a notice or ping in its thread. It
 * offers what at least one handler may do now, as the state machine answers it
 * (`handlerTransitions`: any handler role, holding the inquiry or not); the state machine still
 * checks whoever presses. Of that set the card deliberately leaves out:
 * - "Gi videre" above the superuser level: it passes the inquiry between the unit's superusers;
 *   above them the card sends it on up instead.
 * - the choice "send straight to the vendor" at the superuser level, where the superusers who read
 *   the card may not use it, and where the next level is the vendor anyway.
 * - "Spør innsender" while "Jeg tar den" is offered: the asker is asked once someone has taken
 *   it, and the card stays within `maxCardActions`.
 */
export function triageActions(
  inquiry: Inquiry,
  directory: Directory,
  t: Messages,
  locale: Locale,
): TriageActions {
  const allowed = new Set(handlerTransitions(inquiry));
  const candidates = handOverCandidates(inquiry);
  const next = nextLevel(inquiry.chain, inquiry.level);
  const vendorEmail =
    inquiry.level === 'vendor' ? vendorEmailLink(inquiry, directory, locale) : undefined;
  const vendorContact = vendorEmail ? vendorContactData(inquiry, locale) : undefined;
  return {
    inquiryId: inquiry.id,
    rev: revisionOf(inquiry),
    claim: allowed.has('claim'),
    answer: allowed.has('answer'),
    handOver: allowed.has('hand_over') && inquiry.level === 'superuser',
    escalate: allowed.has('escalate'),
    toVendorChoice:
      allowed.has('escalate_to_vendor') && inquiry.level !== 'superuser' && next !== 'vendor',
    askAsker: allowed.has('ask_asker') && !allowed.has('claim'),
    resolve: allowed.has('resolve'),
    resolveNeedsNote: !inquiry.answer,
    ...(vendorEmail ? { vendorEmail } : {}),
    ...(vendorContact ? { vendorContact } : {}),
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
      closingNote: t.closing.noteLabel,
      closingNoteRequired: t.closing.noteRequired,
      confirmResolve: t.closing.confirm,
    },
  };
}

/** What the triage card shows of an inquiry, in the handlers' language; mentions on the first post. */
export function triageCardData(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
  options: {
    timeZone: string;
    mention: boolean;
    /** Resolved inquiries that resemble this one. */
    similar?: SolvedInquiry[];
    /** Text for the answer form ("Bruk dette svaret"). */
    answerDraft?: string;
  },
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
    people: [
      askerLine(inquiry, t),
      holderLine(inquiry, t),
      chainLine(inquiry, t),
      ...skippedLine(inquiry, t),
      ...awayLines(inquiry, t),
    ],
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
    ...attachmentsSection(inquiry, t),
    ...(inquiry.rating
      ? {
          rating: {
            heading: t.closing.rating,
            text: [t.closing.ratings[inquiry.rating.rating], inquiry.rating.comment]
              .filter(Boolean)
              .join(' · '),
          },
        }
      : {}),
    ...(entities.length > 0
      ? { mentions: { line: t.card.mentionLine(mentionList(entities, locale)), entities } }
      : {}),
    actions: {
      ...triageActions(inquiry, directory, t, locale),
      ...(options.answerDraft ? { answerDraft: options.answerDraft } : {}),
    },
    labels: { question: t.card.question, showAll: t.card.showAll, lastStep: t.card.lastStep },
    ...movedLine(inquiry, directory, locale),
    ...internalLines(inquiry, t, timeZone),
    tools: triageTools(inquiry, directory, t, locale),
    knowledge: triageKnowledgeData(inquiry, options.similar ?? [], t),
  };
}

/** The most units the move form lists; in a larger organisation, the units of the work area. */
export const maxMoveUnits = 150;

/** The tools every handler of the inquiry may use, asked of the state machine. */
function triageTools(
  inquiry: Inquiry,
  directory: Directory,
  t: Messages,
  locale: Locale,
): TriageTools {
  const allowed = new Set(handlerTransitions(inquiry));
  const all = directory.allUnits();
  const units =
    all.length <= maxMoveUnits ? all : all.filter((u) => u.workArea === inquiry.workAreaId);
  return {
    inquiryId: inquiry.id,
    rev: revisionOf(inquiry),
    note: allowed.has('add_note'),
    vendor: allowed.has('update_vendor_case'),
    move: allowed.has('move'),
    vendorCaseNumber: inquiry.vendorCase?.caseNumber ?? '',
    unitId: inquiry.unitId,
    topicId: inquiry.topicId,
    units: units.slice(0, maxMoveUnits).map((unit) => ({ title: unit.name, value: unit.id })),
    topics: directory.allTopics().map((topic) => ({ title: topic.name[locale], value: topic.id })),
    maxLength: maxAnswerLength,
    maxCaseNumberLength: maxVendorCaseNumberLength,
    verbs: Verbs,
    inputs: Inputs,
    labels: t.tools,
  };
}

/** The notes shown on the card, the latest ones. */
const shownNotes = 3;

function internalLines(
  inquiry: Inquiry,
  t: Messages,
  timeZone: string,
): Pick<TriageCardData, 'internal'> {
  const notes = inquiry.history.filter((e) => e.type === 'noted').slice(-shownNotes);
  const vendor = inquiry.vendorCase;
  const lines = [
    ...(vendor?.caseNumber ? [{ label: t.tools.vendorCaseNumber, text: vendor.caseNumber }] : []),
    ...(vendor?.reply
      ? [
          {
            label: t.tools.vendorReplyFrom(vendor.vendor.name),
            text: longText(vendor.reply.text).preview,
          },
        ]
      : []),
    ...notes.map((note) => ({
      label: `${note.by?.name ?? ''} · ${t.dateTime(new Date(note.at), timeZone)}`,
      text: longText(note.note ?? '').preview,
    })),
  ];
  return lines.length ? { internal: { heading: t.tools.internalHeading, lines } } : {};
}

function movedLine(
  inquiry: Inquiry,
  directory: Directory,
  locale: Locale,
): Pick<TriageCardData, 'moved'> {
  const moved = [...inquiry.history].reverse().find((e) => e.type === 'moved')?.move;
  if (!moved) return {};
  const name = (place: { unitId: string; topicId: string }) =>
    `${directory.unit(place.unitId)?.name ?? place.unitId} · ${directory.topic(place.topicId)?.name[locale] ?? place.topicId}`;
  return { moved: messages(locale).history.moved(name(moved.from), name(moved.to)) };
}
/** The asker's files as the triage card lists them; absent when there are none. */
function attachmentsSection(
  inquiry: Inquiry,
  t: Messages,
): Pick<TriageCardData, 'attachments' | 'attachmentsHeading'> {
  const files = inquiry.attachments ?? [];
  return {
    ...(files.length > 0 ? { attachmentsHeading: t.attachments.heading } : {}),
    attachments: files.map((file) => ({
      name: file.name,
      details: [
        file.contentType.split(';').pop() ?? file.contentType,
        file.size !== undefined
          ? t.attachments.size(Math.max(1, Math.round(file.size / 1024)))
          : '',
      ]
        .filter(Boolean)
        .join(' · '),
      url: file.url,
    })),
  };
}
