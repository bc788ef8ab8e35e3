import {
  TeamsInfo,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { ConnectorTimeoutError, PermanentDeliveryError, statusOf } from './errors';

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
  /** When each call now waiting for Teams began (monotonic ms), for the readiness check. */
  private readonly calls = new Set<{ startedAt: number }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    /** The longest a connector call may take before it is given up as failed (and retried). */
    readonly timeoutMs: number = defaultCallTimeoutMs,
  ) {}

  /** How long the oldest call still waiting for Teams has waited (ms), or undefined for none. */
  longestCallMs(): number | undefined {
    let oldest: number | undefined;
    for (const call of this.calls)
      if (oldest === undefined || call.startedAt < oldest) oldest = call.startedAt;
    return oldest === undefined ? undefined : performance.now() - oldest;
  }

  /** Starts a new thread in a team channel. */
  async postToChannel(
    endpoint: { serviceUrl: string; tenantId?: string },
    channelId: string,
    activity: Partial<Activity>,
  ): Promise<PostedMessage> {
    return this.withClient(endpoint.serviceUrl, channelId, async (client, options) => {
      const created = await client.conversations.createConversation(
        {
          isGroup: true,
          bot: { id: this.appId, name: 'Qm+ Hjelp' },
          channelData: { channel: { id: channelId }, ...tenant(endpoint.tenantId) },
          ...(endpoint.tenantId ? { tenantId: endpoint.tenantId } : {}),
          activity: { type: 'message', ...activity } as Activity,
          members: [],
        },
        options,
      );
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
      const created = await this.withClient(endpoint.serviceUrl, 'new', (client, options) =>
        client.conversations.createConversation(
          {
            isGroup: false,
            bot: { id: this.appId, name: 'Qm+ Hjelp' },
            members: [{ id: memberId, name: '' }],
            channelData: tenant(endpoint.tenantId),
            ...(endpoint.tenantId ? { tenantId: endpoint.tenantId } : {}),
          },
          options,
        ),
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
    const sent = await this.withClient(serviceUrl, conversationId, (client, options) =>
      client.conversations.sendToConversation(
        conversationId,
        { type: 'message', ...activity },
        options,
      ),
    );
    return { conversationId, activityId: sent.id, serviceUrl };
  }

  /** Replies in an existing conversation: a channel thread, whose id names its root message. */
  async reply(
    serviceUrl: string,
    conversationId: string,
    activity: Partial<Activity>,
  ): Promise<PostedMessage> {
    const sent = await this.withClient(serviceUrl, conversationId, (client, options) =>
      client.conversations.sendToConversation(
        conversationId,
        { type: 'message', ...activity },
        options,
      ),
    );
    return { conversationId, activityId: sent.id };
  }

  async update(
    serviceUrl: string,
    message: PostedMessage,
    activity: Partial<Activity>,
  ): Promise<void> {
    await this.withClient(serviceUrl, message.conversationId, (client, options) =>
      client.conversations.updateActivity(
        message.conversationId,
        message.activityId,
        { type: 'message', id: message.activityId, ...activity },
        options,
      ),
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
      const member = await this.withClient(serviceUrl, teamId, (client, options) =>
        client.conversations.getConversationMember(teamId, memberId, options),
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
    work: (client: ConnectorClient, options: { abortSignal: AbortSignal }) => Promise<T>,
  ): Promise<T> {
    return this.withContext(serviceUrl, conversationId, (context, abortSignal) =>
      work(
        withoutSdkRetries(context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey)),
        {
          abortSignal,
        },
      ),
    );
  }

  /**
   * Runs one connector call within the time allowed: past it, the request is aborted and the call
   * fails with a ConnectorTimeoutError, whether or not the SDK honours the abort.
   */
  private async withContext<T>(
    serviceUrl: string,
    conversationId: string,
    work: (context: TurnContext, abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const call = { startedAt: performance.now() };
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new ConnectorTimeoutError(`Teams did not answer within ${this.timeoutMs} ms`);
        abort.abort(error);
        reject(error);
      }, this.timeoutMs);
    });
    this.calls.add(call);
    try {
      return await Promise.race([
        this.inTurn(serviceUrl, conversationId, (context) => work(context, abort.signal)),
        timedOut,
      ]);
    } finally {
      clearTimeout(timer);
      this.calls.delete(call);
    }
  }

  private async inTurn<T>(
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

/** How long a connector call may take by default (TEAMS_CALL_TIMEOUT_MS). */
export const defaultCallTimeoutMs = 15_000;

/**
 * Takes the SDK's own retries out of a connector client's HTTP pipeline. They would wait out a
 * 429's Retry-After (or back off after a 5xx) inside the call, holding the call, its conversation
 * and its lease; the outbox retries instead, with the wait stored on the item, so another
 * instance or a restart keeps to it and other conversations go on meanwhile.
 */
function withoutSdkRetries(client: ConnectorClient): ConnectorClient {
  const inner = (client as unknown as { client?: { pipeline?: RetryPhase } }).client;
  inner?.pipeline?.removePolicy({ phase: 'Retry' });
  return client;
}

/** The part of @azure/core-rest-pipeline's Pipeline used above. */
interface RetryPhase {
  removePolicy(options: { phase: 'Retry' }): unknown;
}

function tenant(tenantId: string | undefined): { tenant?: { id: string } } {
  return tenantId ? { tenant: { id: tenantId } } : {};
}
