import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './help.json';

export interface HelpCardData {
  title: string;
  intro: string;
  examples: string;
  superusers?: { heading: string; people: string[] };
  note?: string;
  privacy: string;
}

/** Help for someone who greets the bot or sends an empty message. */
export function renderHelpCard(data: HelpCardData): AdaptiveCardJson {
  return expandTemplate(template, data);
}
