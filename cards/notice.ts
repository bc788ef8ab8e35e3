import {
  expandTemplate,
  withActions,
  type AdaptiveCardJson,
  type CardStatus,
  type LongText,
  type Mention,
  type PersonLine,
} from './render';
import { renderTriageActions, type TriageActions } from './triage';
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
  const card = actions ? withActions(body, renderTriageActions(actions)) : body;
  return mentions ? { ...card, msteams: { entities: mentions.entities } } : card;
}
