import {
  TeamsInfo,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { PermanentDeliveryError, statusOf } from './errors';

export interface PostedMessage {
  conversationId: string;
  activityId: string;
}

/** Someone reachable in a 1:1 chat: by a stored conversation, or by the ids Teams accepts as a member. */
export interface PersonalTarget {
  conversation?: { conversationId: string; serviceUrl: string };
  memberId?: string;
}

/**
 * Sends to Teams through the Bot Framework connector. Unlike botbuilder's createConversationAsync
 * it keeps the activity id of every message it posts, so the bot can update the card later.
 */
export class TeamsSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** Starts a new thread in a team channel. */
  async postToChannel(
    endpoint: { serviceUrl: string; tenantId?: string },
    channelId: string,
    activity: Partial<Activity>,
  ): Promise<PostedMessage> {
    return this.withClient(endpoint.serviceUrl, channelId, async (client) => {
      const created = await client.conversations.createConversation({
        isGroup: true,
        bot: { id: this.appId, name: 'Qm+ Hjelp' },
        channelData: { channel: { id: channelId }, ...tenant(endpoint.tenantId) },
        ...(endpoint.tenantId ? { tenantId: endpoint.tenantId } : {}),
        activity: { type: 'message', ...activity } as Activity,
        members: [],
      });
      const activityId = created.activityId ?? created.id.split(';messageid=')[1];
      if (!activityId) throw new Error('Teams did not say which message started the thread');
      return { conversationId: created.id, activityId };
    });
  }

  /** Sends into a person's 1:1 chat, starting the chat when there is none yet. */
  async sendToPerson(
    endpoint: { serviceUrl: string; tenantId?: string },
    target: PersonalTarget,
    activity: Partial<Activity>,
  ): Promise<PostedMessage & { serviceUrl: string }> {
    let conversation = target.conversation;
    if (!conversation) {
      if (!target.memberId)
        throw new PermanentDeliveryError('No Teams id is known for this person');
      const memberId = target.memberId;
      const created = await this.withClient(endpoint.serviceUrl, 'new', (client) =>
        client.conversations.createConversation({
          isGroup: false,
          bot: { id: this.appId, name: 'Qm+ Hjelp' },
          members: [{ id: memberId, name: '' }],
          channelData: tenant(endpoint.tenantId),
          ...(endpoint.tenantId ? { tenantId: endpoint.tenantId } : {}),
        }),
      ).catch((error: unknown) => {
        // Starting a chat carries no message: a 400 here is about the person's id, not a payload.
        if (statusOf(error) === 400)
          throw new PermanentDeliveryError(
            `Teams does not know this person's id (${(error as Error).message})`,
          );
        throw error;
      });
      conversation = { conversationId: created.id, serviceUrl: endpoint.serviceUrl };
    }
    const { conversationId, serviceUrl } = conversation;
    const sent = await this.withClient(serviceUrl, conversationId, (client) =>
      client.conversations.sendToConversation(conversationId, { type: 'message', ...activity }),
    );
    return { conversationId, activityId: sent.id, serviceUrl };
  }

  /** Replies in an existing conversation: a channel thread, whose id names its root message. */
  async reply(
    serviceUrl: string,
    conversationId: string,
    activity: Partial<Activity>,
  ): Promise<PostedMessage> {
    const sent = await this.withClient(serviceUrl, conversationId, (client) =>
      client.conversations.sendToConversation(conversationId, { type: 'message', ...activity }),
    );
    return { conversationId, activityId: sent.id };
  }

  async update(
    serviceUrl: string,
    message: PostedMessage,
    activity: Partial<Activity>,
  ): Promise<void> {
    await this.withClient(serviceUrl, message.conversationId, (client) =>
      client.conversations.updateActivity(message.conversationId, message.activityId, {
        type: 'message',
        id: message.activityId,
        ...activity,
      }),
    );
  }

  /**
   * A member of a team the bot is in, found by Entra object id or UPN as Teams resolves them;
   * undefined when the team has no such member, or the bot is not in the team.
   */
  async teamMember(
    serviceUrl: string,
    teamId: string,
    memberId: string,
  ): Promise<{ id: string } | undefined> {
    try {
      const member = await this.withClient(serviceUrl, teamId, (client) =>
        client.conversations.getConversationMember(teamId, memberId),
      );
      return member.id ? { id: member.id } : undefined;
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) return undefined;
      throw error;
    }
  }

  /** The channels of a team, or the status Teams refused the question with (403: bot not in it). */
  async teamChannels(
    serviceUrl: string,
    teamId: string,
  ): Promise<{ ok: true; channelIds: string[] } | { ok: false; status: number }> {
    try {
      const channels = await this.withContext(serviceUrl, teamId, (context) =>
        TeamsInfo.getTeamChannels(context, teamId),
      );
      return { ok: true, channelIds: channels.flatMap((c) => (c.id ? [c.id] : [])) };
    } catch (error) {
      const status = statusOf(error);
      if (status !== undefined && status >= 400 && status < 500) return { ok: false, status };
      throw error;
    }
  }

  private withClient<T>(
    serviceUrl: string,
    conversationId: string,
    work: (client: ConnectorClient) => Promise<T>,
  ): Promise<T> {
    return this.withContext(serviceUrl, conversationId, (context) =>
      work(context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey)),
    );
  }

  private async withContext<T>(
    serviceUrl: string,
    conversationId: string,
    work: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    const reference: Partial<ConversationReference> = {
      serviceUrl,
      channelId: 'msteams',
      conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' },
    };
    // The failure is carried out of the turn by hand: thrown inside it, it would reach the
    // adapter's turn-error handler (which answers users) instead of the outbox's retry policy.
    let result: { value: T } | { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        result = { value: await work(context) };
      } catch (error) {
        result = { error };
      }
    });
    if (!result) throw new Error('The connector was not reached');
    if ('error' in result) throw result.error;
    return result.value;
  }
}

function tenant(tenantId: string | undefined): { tenant?: { id: string } } {
  return tenantId ? { tenant: { id: tenantId } } : {};
}
