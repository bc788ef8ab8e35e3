import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './help.json';

export interface HelpCardData {
  title: string;
  intro: string;
  examples: string;
  /** "Superbrukere for Hauge vgs:", when the asker's unit is known and has superusers. */
  superusersHeading?: string;
  /** The superusers of the asker's unit; empty when there are none or the unit is unknown. */
  superusers: { name: string }[];
  /** Said instead when the asker's unit has no superuser. */
  noSuperusers?: string;
  privacy: string;
}

/** Help for someone who greets the bot, asks what it does or sends an empty message. */
export function renderHelpCard(data: HelpCardData): AdaptiveCardJson {
  return expandTemplate(template, data);
}
