import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { renderUseChannelCard, useChannelCardData } from '../../cards/use-channel';
import { Verbs } from '../../cards/verbs';
import { changeOrganisation } from '../../src/org/change-organisation';
import { maySetTriageChannel } from '../../src/org/roles';
import { actorOf } from './organisation-admin';
import type { HandlerDeps, Turn } from './context';
import { validatedAction, type ActionReply } from './validated-action';

const threadId = z.string().regex(/^19:[^\s@]+@thread\.(tacv2|skype)$/);
const channelData = z.object({
  team: z.object({ id: threadId }),
  channel: z.object({ id: threadId, name: z.string().min(1).max(200).optional() }),
});

/** The team and channel an activity comes from, as Teams gives them in its channel data. */
function channelOf(
  context: TurnContext,
): { teamId: string; channelId: string; name?: string } | undefined {
  if (context.activity.conversation.conversationType !== 'channel') return undefined;
  const parsed = channelData.safeParse(context.activity.channelData);
  if (!parsed.success) return undefined;
  const { team, channel } = parsed.data;
  return {
    teamId: team.id,
    channelId: channel.id,
    ...(channel.name ? { name: channel.name } : {}),
  };
}

/** The work areas the person may give a triage channel: all for an admin, their own otherwise. */
function settableWorkAreas(turn: Turn): string[] {
  return turn.directory.snapshot.structure.workAreas
    .filter((area) => maySetTriageChannel(turn.directory, turn.who.person.email, area.id))
    .map((area) => area.id);
}

/** Sets the channel for one work area and says how it went. */
async function useFor(
  deps: HandlerDeps,
  turn: Turn,
  workAreaId: string,
  channel: { teamId: string; channelId: string; name?: string },
): Promise<string> {
  const t = turn.t.organisation;
  const name = turn.directory.workArea(workAreaId)?.name ?? workAreaId;
  const outcome = await changeOrganisation(deps, turn.directory, actorOf(turn), {
    kind: 'triage_channel',
    workAreaId,
    channel,
  });
  if (outcome.ok) return t.channel.set(name);
  turn.log.info({ reason: outcome.reason }, 'triage channel not set');
  switch (outcome.reason) {
    case 'unchanged':
      return t.channel.already(name);
    case 'not_allowed':
      return t.channel.notAllowed;
    case 'busy':
      return t.refusals.busy;
    default:
      return t.refusals.unknown_place;
  }
}

/**
 * "bruk denne kanalen" / "use this channel", written in a channel: makes it the triage channel of
 * the work area the writer coordinates (or, for an admin or someone with several, the one they
 * pick on a card). The channel's ids come from the activity, never from what someone typed.
 */
export async function useThisChannel(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  const t = turn.t.organisation.channel;
  const channel = channelOf(context);
  if (!channel) {
    await context.sendActivity(t.notChannel);
    return;
  }
  const areas = settableWorkAreas(turn);
  if (areas.length === 0) {
    await context.sendActivity(t.notAllowed);
    return;
  }
  if (areas.length === 1) {
    await context.sendActivity(await useFor(deps, turn, areas[0], channel));
    return;
  }
  const card = renderUseChannelCard(useChannelCardData(turn.directory, areas, turn.locale));
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** The card's choice: checked against who may set which work area, in the channel clicked in. */
export function useChannelActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<ActionReply>> {
  return {
    [Verbs.orgChannel]: validatedAction(
      deps,
      z.object({ orgWorkArea: z.string().min(1).max(64) }),
      async (context, turn, value) => {
        const channel = channelOf(context);
        if (!channel) return turn.t.organisation.channel.notChannel;
        if (!settableWorkAreas(turn).includes(value.orgWorkArea))
          return turn.t.organisation.channel.notAllowed;
        return useFor(deps, turn, value.orgWorkArea, channel);
      },
    ),
  };
}
