import { renderAskerStatusCard, type AskerCardData } from './asker-status';
import type { AdaptiveCardJson } from './render';

/** The answer sent to the asker: the answer first, then the inquiry's facts. */
export type AnswerCardData = AskerCardData & { answer: NonNullable<AskerCardData['answer']> };

export function renderAnswerCard(data: AnswerCardData): AdaptiveCardJson {
  return renderAskerStatusCard(data);
}
