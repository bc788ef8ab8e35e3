import {
  expandTemplate,
  withActions,
  type AdaptiveCardJson,
  type CardStatus,
  type LongText,
  type PersonLine,
} from './render';
import { renderTriageActions, type TriageActions } from './triage';
import template from './notice.json';

export interface NoticeCardData extends CardStatus {
  /** Why this handler is told: "Sverre Lunde har gitt QM-2026-0042 videre til deg." */
  line: string;
  /** What the asker wrote with "Ikke løst". */
  comment?: { label: string; text: LongText };
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
