import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { PermanentDeliveryError } from './errors';

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
      );
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

  private async withClient<T>(
    serviceUrl: string,
    conversationId: string,
    work: (client: ConnectorClient) => Promise<T>,
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
      const client = context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
      try {
        result = { value: await work(client) };
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
