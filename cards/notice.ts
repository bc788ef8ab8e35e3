import {
  expandTemplate,
  withActions,
  type AdaptiveCardJson,
  type Fact,
  type LongText,
  type PersonLine,
  type StatusColor,
} from './render';
import { renderTriageActions, type TriageActions } from './triage';
import template from './notice.json';

export interface NoticeCardData {
  /** Why this handler is told: "Sverre Lunde har gitt QM-2026-0042 videre til deg." */
  line: string;
  /** What the asker wrote with "Ikke løst". */
  comment?: { label: string; text: LongText };
  statusLine: string;
  statusColor: StatusColor;
  /** Number, unit, topic and level. */
  facts: Fact[];
  /** The asker. */
  people: PersonLine[];
  question: LongText;
  actions: TriageActions;
  labels: { question: string; showAll: string };
}

/** A handler's 1:1 notice about one inquiry, with the triage actions for its state. */
export function renderNoticeCard(data: NoticeCardData): AdaptiveCardJson {
  const { actions, ...rest } = data;
  return withActions(expandTemplate(template, rest), renderTriageActions(actions));
}
