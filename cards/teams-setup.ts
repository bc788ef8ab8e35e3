import { messages, type Locale } from '../src/i18n';
import type { Directory } from '../src/org/directory';
import type { TeamsSetupReport } from '../src/org/teams-setup';
import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './teams-setup.json';

interface Lines {
  heading?: string;
  lines: { name: string; why: string }[];
}

export interface TeamsSetupCardData {
  title: string;
  /** Said when nothing is wrong. */
  allWell?: string;
  people: Lines;
  channels: Lines;
  guide: string;
}

/** For an admin: who in the chain cannot be reached in Teams and why, and which channels not posted to. */
export function renderTeamsSetupCard(data: TeamsSetupCardData): AdaptiveCardJson {
  return expandTemplate(template, data);
}

export function teamsSetupCardData(
  report: TeamsSetupReport,
  directory: Directory,
  locale: Locale,
): TeamsSetupCardData {
  const t = messages(locale).teamsSetupCard;
  const people = report.unreachable.map((person) => ({
    name: `${directory.staffMember(person.key)?.name ?? person.key} (${person.key})`,
    why: `${t.unreachable[person.reason]} ${t.reachableIf[person.reachableIf]}`,
  }));
  const channels = report.brokenChannels.flatMap((broken) => {
    const area = directory.workArea(broken.workAreaId);
    const channel = area?.triageChannel;
    if (!area || !channel) return [];
    const why = t.channelProblems[broken.problem];
    return [
      {
        name: t.channel(channel.name ?? channel.channelId, area.name),
        why: broken.status ? `${why} (${broken.status})` : why,
      },
    ];
  });
  const allWell = people.length === 0 && channels.length === 0;
  return {
    title: t.title,
    ...(allWell ? { allWell: t.allWell } : {}),
    people: { ...(people.length > 0 ? { heading: t.peopleHeading } : {}), lines: people },
    channels: { ...(channels.length > 0 ? { heading: t.channelsHeading } : {}), lines: channels },
    guide: t.guide,
  };
}
