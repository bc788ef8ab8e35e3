import {
  chatCommands,
  listedCommands,
  type CommandReader,
  type ListedCommandId,
} from '../src/chat/commands';
import { messages, type Locale } from '../src/i18n';
import type { Directory } from '../src/org/directory';
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
  /** The chat commands, as the asker would write them, with what each does. */
  commandsHeading: string;
  commands: { title: string; description: string }[];
  numberHint: string;
  privacy: string;
}

/** Help for someone who greets the bot, asks what it does or sends an empty message. */
export function renderHelpCard(data: HelpCardData): AdaptiveCardJson {
  return expandTemplate(template, data);
}

/**
 * The help card's data: what the bot does, the superusers of the asker's unit when known, and the
 * commands the reader can use (all of them when the reader is not given).
 */
export function helpCardData(
  directory: Directory,
  unitId: string | undefined,
  locale: Locale,
  reader?: CommandReader,
): HelpCardData {
  const t = messages(locale);
  const descriptions: Record<ListedCommandId, string> = t.commands.descriptions;
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
    commandsHeading: t.commands.heading,
    commands: listedCommands('personal', reader).map((id) => ({
      title: chatCommands[id].phrases[locale][0] ?? id,
      description: descriptions[id],
    })),
    numberHint: t.commands.numberHint,
    privacy: t.help.privacy,
  };
}
