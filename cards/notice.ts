import type { AdaptiveCardJson } from './render';
import { renderTriageCard, type TriageCardData } from './triage';

/** A triage card with a line on top saying why this handler is told (handed over, reopened). */
export type NoticeCardData = TriageCardData & { notice: NonNullable<TriageCardData['notice']> };

export function renderNoticeCard(data: NoticeCardData): AdaptiveCardJson {
  return renderTriageCard(data);
}
