import type { Clock } from '../../src/clock';
import type { PersonRef } from '../../src/inquiries/person';
import type { Logger } from '../../src/logger';
import type { Directory } from '../../src/org/directory';
import type { DirectoryProvider } from '../../src/org/provider';
import type { ChannelProblem, TeamsSetupReport } from '../../src/org/teams-setup';
import type { Store } from '../../src/store/ports';
import type { TeamsSender } from './teams-sender';

export interface RosterDeps {
  store: Store;
  sender: TeamsSender;
  clock: Clock;
}

/** The teams the organisation names (each triage channel's team): the rosters the bot can read. */
export function teamIdsOf(directory: Directory): string[] {
  const ids = directory.snapshot.structure.workAreas.flatMap((w) =>
    w.triageChannel ? [w.triageChannel.teamId] : [],
  );
  return [...new Set(ids)];
}

/**
 * The Teams user id (`29:…`) to start a 1:1 chat with a person. Teams starts a chat by Entra
 * object id only for people who installed the app personally, but by Teams id for anyone in a team
 * the bot is in; so the id is looked up (by Entra id, else by the email as UPN) in the roster of
 * each team the organisation names, and remembered.
 */
export async function teamsUserIdOf(
  deps: RosterDeps,
  directory: Directory,
  serviceUrl: string,
  person: PersonRef,
): Promise<string | undefined> {
  if (person.teamsId) return person.teamsId;
  const stored = await deps.store.conversations.teamsUserId(person.key);
  if (stored) return stored;
  const found = await lookUp(deps, teamIdsOf(directory), serviceUrl, person);
  if (found) await deps.store.conversations.saveTeamsUserId(person.key, found, deps.clock.now());
  return found;
}

async function lookUp(
  deps: RosterDeps,
  teamIds: string[],
  serviceUrl: string,
  person: { aadObjectId?: string; email?: string },
): Promise<string | undefined> {
  const ids = [person.aadObjectId, person.email].filter((id): id is string => Boolean(id));
  for (const teamId of teamIds) {
    for (const id of ids) {
      const member = await deps.sender.teamMember(serviceUrl, teamId, id);
      if (member) return member.id;
    }
  }
  return undefined;
}

const channelProblemLog: Record<ChannelProblem, string> = {
  bot_not_in_team: 'the bot has not been added to the team',
  channels_refused: "Teams refused to list the team's channels",
  channel_not_in_team: 'the channel is not in the team (a wrong id, or a private channel)',
};

/**
 * What the bot checks when it can first reach Teams (and when an admin asks): that each triage
 * channel is in a team the bot was added to, and that everyone who handles inquiries can be
 * reached 1:1 (their Teams id found in a team's roster, or the app installed for them). Logs each
 * problem with ids, never names.
 */
export async function checkTeamsSetup(
  deps: RosterDeps & { logger: Logger },
  directory: Directory,
  serviceUrl: string,
): Promise<TeamsSetupReport> {
  const { logger } = deps;
  const teamIds = teamIdsOf(directory);
  const brokenChannels: TeamsSetupReport['brokenChannels'] = [];
  const channelsOf = new Map<string, Awaited<ReturnType<TeamsSender['teamChannels']>>>();
  for (const teamId of teamIds)
    channelsOf.set(teamId, await deps.sender.teamChannels(serviceUrl, teamId));
  for (const area of directory.snapshot.structure.workAreas) {
    const channel = area.triageChannel;
    if (!channel) continue;
    const channels = channelsOf.get(channel.teamId);
    const problem: ChannelProblem | undefined = !channels?.ok
      ? channels?.status === 403
        ? 'bot_not_in_team'
        : 'channels_refused'
      : channels.channelIds.includes(channel.channelId)
        ? undefined
        : 'channel_not_in_team';
    if (!problem) continue;
    const status = channels && !channels.ok ? channels.status : undefined;
    brokenChannels.push({
      workAreaId: area.id,
      channelId: channel.channelId,
      problem,
      ...(status ? { status } : {}),
    });
    logger.warn(
      {
        workArea: area.id,
        teamId: channel.teamId,
        channelId: channel.channelId,
        reason: channelProblemLog[problem] + (status ? ` (${status})` : ''),
      },
      'triage channel cannot be posted to; its people get inquiries 1:1 instead',
    );
  }
  const unreachable: TeamsSetupReport['unreachable'] = [];
  for (const person of directory.snapshot.staff) {
    const found = await lookUp(deps, teamIds, serviceUrl, person);
    if (found) {
      await deps.store.conversations.saveTeamsUserId(person.email, found, deps.clock.now());
      continue;
    }
    const reason = teamIds.length === 0 ? 'no_triage_team' : 'not_in_team';
    const reachableIf = person.aadObjectId ? 'personal_install' : 'writes_first';
    unreachable.push({ key: person.email, reason, reachableIf });
    logger.warn(
      {
        person: person.email,
        reason:
          reason === 'no_triage_team'
            ? 'no triage team is configured, so no roster can give their Teams id'
            : 'not a member of any triage team the bot is in',
        reachableIf:
          reachableIf === 'personal_install'
            ? 'the app is installed for them personally'
            : 'they write to the bot first',
      },
      'a handler cannot be reached in 1:1 chat',
    );
  }
  logger.info(
    {
      teams: teamIds.length,
      unreachable: unreachable.length,
      brokenChannels: brokenChannels.length,
    },
    'Teams setup checked',
  );
  return { unreachable, brokenChannels };
}

/** Runs the Teams setup check now; undefined while Teams cannot be reached (no address known yet). */
export async function checkTeamsSetupNow(
  deps: RosterDeps & {
    logger: Logger;
    directories: DirectoryProvider;
    tenantId: string;
    serviceUrl?: string;
    /** Local mode: the Playground that stands in for Teams. */
    localServiceUrl?: (personKey?: string) => string | undefined;
  },
): Promise<TeamsSetupReport | undefined> {
  const serviceUrl =
    deps.localServiceUrl?.() ??
    (await deps.store.conversations.endpoint(deps.tenantId))?.serviceUrl ??
    deps.serviceUrl;
  if (!serviceUrl) return undefined;
  return checkTeamsSetup(deps, await deps.directories.current(), serviceUrl);
}
