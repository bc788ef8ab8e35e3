import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { tenantId as defaultTenantId } from './activities';
import {
  defaultTeamsModel,
  type TeamModel,
  type TeamsModel,
  type TeamsUserModel,
} from './teams-model';

export type { TeamModel, TeamsModel, TeamsUserModel } from './teams-model';

export interface RecordedRequest {
  method: string;
  path: string;
  conversationId?: string;
  /** The activity updated (PUT). */
  activityId?: string;
  /** The activity replied to (POST .../activities/:id). */
  replyToId?: string;
  body: any;
  status: number;
  /** The id the fake gave to a posted activity or created conversation. */
  resultId?: string;
  /** The message Teams posted although it answered this request with a failure. */
  createdDespite?: string;
  /**
   * Which call sent it: `reply` (a turn's answer, posted in reply to the activity it handles),
   * `proactive` (a send outside a turn), `update` (a message changed), `create` (a conversation
   * started), `read` (anything else).
   */
  via: 'reply' | 'proactive' | 'update' | 'create' | 'read';
  /** What the activity carried, in one line: its type, text, attachments' content types. */
  carried: string;
}

export interface Member {
  id: string;
  aadObjectId?: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
}

/** An answer the connector gives instead of the normal one. */
export interface TeamsFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Teams does what was asked (posts the message) and answers with the failure all the same. */
  afterDoing?: boolean;
}

interface Injected {
  match: (req: RecordedRequest) => boolean;
  responses: TeamsFailure[];
}

const teamsError = (status: number, code: string, message: string): TeamsFailure => ({
  status,
  body: { error: { code, message } },
});

/** Teams' own answers to the failures a bot meets, as its connector words them. */
export const teamsFailures = {
  badArgument: (message = 'Bad request.') => teamsError(400, 'BadArgument', message),
  botNotInRoster: () =>
    teamsError(
      403,
      'BotNotInConversationRoster',
      'The bot is not part of the conversation roster.',
    ),
  blockedByUser: () =>
    teamsError(403, 'ConversationBlockedByUser', 'User blocked the conversation with the bot.'),
  conversationNotFound: () => teamsError(404, 'ConversationNotFound', 'Conversation not found.'),
  preconditionFailed: () =>
    teamsError(412, 'PreconditionFailed', 'Precondition failed, please try again.'),
  tooLarge: () => teamsError(413, 'MessageSizeTooBig', 'Message size too large.'),
  throttled: (retryAfterSeconds = 1): TeamsFailure => ({
    ...teamsError(429, 'Throttled', 'Too many requests.'),
    headers: { 'retry-after': String(retryAfterSeconds) },
  }),
  badGateway: () => teamsError(502, 'ServiceError', 'Bad gateway.'),
  gatewayTimeout: () => teamsError(504, 'ServiceError', 'Gateway timeout.'),
} as const;

const isEntraId = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const isEmailOrUpn = (id: string): boolean => id.includes('@');

type Conversation =
  | { kind: 'personal'; id: string; user: TeamsUserModel }
  | { kind: 'channel'; id: string; team: TeamModel }
  | { kind: 'team'; id: string; team: TeamModel };

/**
 * A Bot Framework connector on localhost that answers as strictly as Teams would and records every
 * request, so tests see exactly what Teams would have received. It holds a model of users (Teams
 * id, Entra id, UPN, tenant, personal install) and teams (members, channels, whether the bot was
 * added), by default the test organisation's; what Teams would refuse, it refuses with Teams'
 * status and error body.
 */
export class FakeConnector {
  readonly requests: RecordedRequest[] = [];
  private server?: http.Server;
  /** The port, kept while connections are refused so the connector comes back where it was. */
  private port?: number;
  private readonly users: TeamsUserModel[];
  private readonly teams: TeamModel[];
  /** Personal chats: conversation id → the Teams id of the person in it. */
  private chats = new Map<string, string>();
  /** Chats deleted in Teams: posting there answers 404. */
  private deletedChats = new Set<string>();
  private injected: Injected[] = [];
  /** Requests matching these are never answered, as by a Teams that has stopped responding. */
  private hanging: { match: (req: RecordedRequest) => boolean; left: number }[] = [];
  /** The answers held back from hanging requests, each with how to give it after all. */
  private held = new Map<http.ServerResponse, () => void>();
  private counter = 0;
  /** Emits `answered` each time a recorded request has had its answer. */
  private readonly events = new EventEmitter().setMaxListeners(100);
  /** Activity ids this connector gave out, with the conversation each is in; Teams updates nothing else. */
  private issued = new Map<string, string>();
  /** When each conversation was last posted to, for the rate limit. */
  private recentPosts = new Map<string, number[]>();
  private postsPerSecond: number | undefined;
  private maxActivityBytes = 100 * 1024;
  /** Files sent in 1:1 chats, as OneDrive serves them to the download URL Teams gives the bot. */
  private files = new Map<string, string>();

  constructor(model: TeamsModel = defaultTeamsModel()) {
    this.users = model.users.map((user) => ({ ...user }));
    this.teams = model.teams.map((team) => ({
      ...team,
      channels: [...team.channels],
      members: [...team.members],
    }));
    for (const user of this.users) this.chats.set(chatIdOf(user.teamsId), user.teamsId);
  }

  get url(): string {
    if (this.port === undefined) throw new Error('The fake connector is not started');
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Keeps a file as Teams keeps one sent in a 1:1 chat, and returns the `downloadUrl` Teams would
   * give the bot for it (in Teams a SharePoint address; here one on this connector).
   */
  serveFile(name: string, content: string): string {
    const path = `/files/${++this.counter}/${encodeURIComponent(name)}`;
    this.files.set(path, content);
    return `${this.url}${path}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      res.once('close', () => this.events.emit('answered'));
      void this.handle(req, res);
    });
    // Kept open while idle far longer than Node's default 5 s, as a service's front end does: with
    // 5 s a send on a connection the server is just closing fails with "socket hang up", and its
    // retry then waits for a clock that only the test moves.
    this.server.keepAliveTimeout = 240_000;
    await new Promise<void>((resolve) => this.server!.listen(this.port ?? 0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Teams cannot be reached: the port is closed, so connections are refused, until `start`. */
  async refuseConnections(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    this.releaseHanging();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /**
   * Adds a person Teams knows (or changes one with the same Teams id): with the app installed
   * personally and a member of every team the bot is in, unless told otherwise.
   */
  setMember(member: Member): void {
    const existing = this.users.find((u) => u.teamsId === member.id);
    if (existing) {
      Object.assign(existing, {
        name: member.name,
        ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
        ...(member.email ? { email: member.email } : {}),
        ...(member.userPrincipalName ? { userPrincipalName: member.userPrincipalName } : {}),
      });
      return;
    }
    this.addUser({
      teamsId: member.id,
      name: member.name,
      aadObjectId: member.aadObjectId ?? '',
      userPrincipalName: member.userPrincipalName ?? member.email ?? '',
      ...(member.email ? { email: member.email } : {}),
    });
  }

  /** Adds a person to the model; `teams` lists the teams they are a member of (default: all). */
  addUser(
    user: Omit<TeamsUserModel, 'tenantId' | 'personalInstall'> &
      Partial<Pick<TeamsUserModel, 'tenantId' | 'personalInstall'>>,
    teams: string[] = this.teams.map((team) => team.id),
  ): TeamsUserModel {
    const added: TeamsUserModel = { tenantId: defaultTenantId, personalInstall: true, ...user };
    this.users.push(added);
    this.chats.set(chatIdOf(added.teamsId), added.teamsId);
    for (const team of this.teams) if (teams.includes(team.id)) team.members.push(added.teamsId);
    return added;
  }

  /**
   * Adds someone the tests write to the bot as (a `TestUser`), with their email as UPN: Teams
   * knows everyone in the tenant, whether the organisation file lists them or not.
   */
  addPerson(user: { teamsId: string; name: string; email: string; aadObjectId?: string }): void {
    this.addUser({
      teamsId: user.teamsId,
      name: user.name,
      email: user.email,
      userPrincipalName: user.email,
      aadObjectId: user.aadObjectId ?? '',
    });
  }

  /** The person with this Teams id, Entra id or UPN, as Teams resolves a member. */
  userOf(id: string | undefined): TeamsUserModel | undefined {
    if (!id) return undefined;
    const lower = id.toLowerCase();
    return this.users.find(
      (u) =>
        u.teamsId === id ||
        (u.aadObjectId !== '' && u.aadObjectId.toLowerCase() === lower) ||
        (u.userPrincipalName !== '' && u.userPrincipalName.toLowerCase() === lower),
    );
  }

  /** Changes what Teams knows of a person: uninstalls the app, blocks the bot, moves tenant… */
  changeUser(id: string, changes: Partial<Omit<TeamsUserModel, 'teamsId'>>): void {
    const user = this.userOf(id);
    if (!user) throw new Error(`No user ${id} in the model`);
    Object.assign(user, changes);
  }

  /** Adds a team (or replaces the one with its id). */
  addTeam(team: TeamModel): void {
    const index = this.teams.findIndex((t) => t.id === team.id);
    const copy = { ...team, channels: [...team.channels], members: [...team.members] };
    if (index >= 0) this.teams[index] = copy;
    else this.teams.push(copy);
  }

  /** Removes the bot from a team (or adds it back). */
  setBotInTeam(teamId: string, installed: boolean): void {
    const team = this.teams.find((t) => t.id === teamId);
    if (!team) throw new Error(`No team ${teamId} in the model`);
    team.botInstalled = installed;
  }

  /** Removes a person from a team's members. */
  removeFromTeam(teamId: string, id: string): void {
    const team = this.teams.find((t) => t.id === teamId);
    const user = this.userOf(id);
    if (team && user) team.members = team.members.filter((m) => m !== user.teamsId);
  }

  /** The 1:1 chat the bot has with a person now (by any of their ids). */
  chatOf(id: string): string | undefined {
    const user = this.userOf(id);
    if (!user) return undefined;
    return [...this.chats].find(([, teamsId]) => teamsId === user.teamsId)?.[0];
  }

  /** The person's chat with the bot is gone: posts to it answer 404, a new one gets a new id. */
  deleteChat(id: string): void {
    const chat = this.chatOf(id);
    if (!chat) return;
    this.chats.delete(chat);
    this.deletedChats.add(chat);
  }

  /** At most this many posts a second in one conversation; more answer 429 with Retry-After. */
  limitRate(postsPerSecond: number | undefined): void {
    this.postsPerSecond = postsPerSecond;
  }

  /** Activities larger than this (bytes of JSON) answer 413, as Teams does above its limit. */
  limitSize(maxBytes: number): void {
    this.maxActivityBytes = maxBytes;
  }

  /** The next matching requests get these responses in order, then normal answers resume. */
  failNext(match: (req: RecordedRequest) => boolean, responses: Injected['responses']): void {
    this.injected.push({ match, responses: [...responses] });
  }

  /** Activities posted into conversations (the ones Teams accepted). */
  sent(): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && r.path.includes('/activities') && accepted(r),
    );
  }

  /**
   * The next `count` matching requests (all of them by default) are never answered: Teams hangs.
   * They are recorded with status 0, and their connections cut when Teams recovers.
   */
  hang(match: (req: RecordedRequest) => boolean, count = Infinity): void {
    this.hanging.push({ match, left: count });
  }

  /**
   * Answers the calls held so far as Teams would have at once: a slow Teams that does answer in
   * the end. Requests hung from now on are held again.
   */
  answerHung(): void {
    const late = [...this.held.values()];
    this.held.clear();
    for (const answer of late) answer();
  }

  /** Requests that were held without an answer. */
  hung(): RecordedRequest[] {
    return this.requests.filter((r) => r.status === 0);
  }

  /** Drops every injected failure not yet used and cuts the hanging calls: Teams is back. */
  recover(): void {
    this.injected = [];
    this.releaseHanging();
  }

  private releaseHanging(): void {
    this.hanging = [];
    for (const res of this.held.keys()) res.destroy();
    this.held.clear();
  }

  /** Every request of this test in one line each: status, call, path, how it was sent, what it carried. */
  summary(): string {
    return (
      this.requests
        .map((r) => `${r.status} ${r.method} ${r.path} (${r.via}: ${r.carried})`)
        .join('\n  ') || '(nothing)'
    );
  }

  /** Messages posted or updated with neither text nor attachments: Teams would show nothing. */
  emptyMessages(): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        (r.via === 'reply' || r.via === 'proactive' || r.via === 'update') &&
        isEmptyMessage(r.body),
    );
  }

  updates(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'PUT' && accepted(r));
  }

  conversationsCreated(): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v3/conversations' && accepted(r),
    );
  }

  /** Waits for the first thread the bot starts in a channel: the triage card's post. */
  channelPost(channelId: string): Promise<RecordedRequest> {
    return this.waitFor(
      () => this.conversationsCreated().find((r) => r.body?.channelData?.channel?.id === channelId),
      'the triage card in the channel',
    );
  }

  /** The card of a message as everyone now sees it: as posted, then as last updated. */
  latestCard(conversationId: string, activityId: string): any {
    const update = this.updates()
      .filter((u) => u.conversationId === conversationId && u.activityId === activityId)
      .at(-1);
    if (update) return cardOf(update.body);
    const post = [...this.sent(), ...this.conversationsCreated()].find(
      (r) =>
        r.resultId === activityId &&
        (r.conversationId === conversationId ||
          conversationId.startsWith(r.body?.channelData?.channel?.id ?? '\u0000')),
    );
    return post
      ? cardOf(post.path === '/v3/conversations' ? post.body.activity : post.body)
      : undefined;
  }

  /**
   * Resolves with what `find` returns as soon as it returns something: now, or after one of the
   * requests still to come has been answered. Fails after `timeoutMs` with what was recorded.
   */
  waitFor<T>(find: () => T | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        let found: T | undefined | false;
        try {
          found = find();
        } catch (error) {
          done();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (found === undefined || found === false) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        const summary = this.summary();
        reject(new Error(`Timed out waiting for ${what}. The connector received:\n  ${summary}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.events.off('answered', check);
      };
      this.events.on('answered', check);
      check();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let raw = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
    let body: any;
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      body = raw.toString('utf8');
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    const parts = path.split('/').map(decodeURIComponent);
    const method = req.method ?? '';
    const file = method === 'GET' ? this.files.get(path) : undefined;
    if (file !== undefined) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(file);
      return;
    }
    const record: RecordedRequest = {
      method,
      path,
      body,
      status: 200,
      via: viaOf(method, parts),
      carried: carriedBy(parts[1] === 'v3' && !parts[3] ? body?.activity : body),
      ...(parts[3] ? { conversationId: parts[3] } : {}),
      ...(parts[5] && req.method === 'PUT' ? { activityId: parts[5] } : {}),
      ...(parts[5] && req.method === 'POST' ? { replyToId: parts[5] } : {}),
    };
    this.requests.push(record);
    const reply = (
      status: number,
      payload: unknown,
      headers: Record<string, string> = {},
    ): void => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    const fail = (failure: TeamsFailure): void =>
      reply(failure.status, failure.body, failure.headers);
    if (typeof body === 'string') {
      reply(400, { error: { code: 'BadSyntax', message: 'The body is not JSON' } });
      return;
    }
    const hang = this.hanging.find((h) => h.left > 0 && h.match(record));
    if (hang) {
      hang.left--;
      record.status = 0;
      this.held.set(res, () => {
        const outcome = this.answer(req.method ?? '', parts, body, raw.length, record);
        if ('failure' in outcome) fail(outcome.failure);
        else reply(outcome.status, outcome.body);
      });
      this.events.emit('answered');
      return;
    }
    const injection = this.injected.find((i) => i.responses.length > 0 && i.match(record));
    if (injection) {
      const response = injection.responses.shift()!;
      if (response.afterDoing) {
        this.answer(req.method ?? '', parts, body, raw.length, record);
        record.createdDespite = record.resultId;
      }
      reply(
        response.status,
        response.body ?? { error: { code: 'Injected', message: `HTTP ${response.status}` } },
        response.headers,
      );
      return;
    }
    const outcome = this.answer(req.method ?? '', parts, body, raw.length, record);
    if ('failure' in outcome) fail(outcome.failure);
    else reply(outcome.status, outcome.body);
  }

  /** What Teams answers to one request. */
  private answer(
    method: string,
    parts: string[],
    body: any,
    size: number,
    record: RecordedRequest,
  ): { status: number; body: unknown } | { failure: TeamsFailure } {
    const [, v3, collection, id, sub, subId] = parts;
    if (v3 !== 'v3') return { failure: teamsError(404, 'NotFound', `${method} ${record.path}`) };
    if (collection === 'conversations' && method === 'POST' && !id)
      return this.createConversation(body, size, record);
    if (collection === 'conversations' && id && sub === 'activities' && method === 'POST')
      return this.post(id, body, size, record);
    if (collection === 'conversations' && id && sub === 'activities' && subId && method === 'PUT')
      return this.update(id, subId, body, size);
    if (collection === 'conversations' && id && sub === 'members' && method === 'GET')
      return this.members(id, subId);
    if (collection === 'teams' && id && sub === 'conversations' && method === 'GET')
      return this.channels(id);
    return { failure: teamsError(404, 'NotFound', `${method} ${record.path}`) };
  }

  private createConversation(
    body: any,
    size: number,
    record: RecordedRequest,
  ): { status: number; body: unknown } | { failure: TeamsFailure } {
    const channelId = body?.channelData?.channel?.id as string | undefined;
    if (body?.isGroup && channelId) {
      const conversation = this.conversation(channelId);
      if (!conversation || conversation.kind === 'personal')
        return { failure: teamsFailures.conversationNotFound() };
      if (!conversation.team.botInstalled) return { failure: teamsFailures.botNotInRoster() };
      // A new thread is a post in the channel, counted against its rate like a reply.
      const throttled = this.throttle(channelId);
      if (throttled) return { failure: throttled };
      const refused = this.checkActivity(channelId, body.activity, size);
      if (refused) return { failure: refused };
      const activityId = this.issue(channelId);
      this.issued.set(activityId, `${channelId};messageid=${activityId}`);
      record.resultId = activityId;
      return { status: 201, body: { id: `${channelId};messageid=${activityId}`, activityId } };
    }
    const tenant = (body?.tenantId ?? body?.channelData?.tenant?.id) as string | undefined;
    if (!tenant) return { failure: teamsFailures.badArgument('Tenant ID is required.') };
    const memberId = body?.members?.[0]?.id as string | undefined;
    if (!memberId) return { failure: teamsFailures.badArgument('Members are required.') };
    const invalid = teamsFailures.badArgument('Invalid user identity in provided tenant.');
    if (isEmailOrUpn(memberId)) return { failure: invalid };
    const user = isEntraId(memberId)
      ? this.users.find((u) => u.aadObjectId.toLowerCase() === memberId.toLowerCase())
      : this.users.find((u) => u.teamsId === memberId);
    if (!user || user.tenantId !== tenant) return { failure: invalid };
    if (user.blocked) return { failure: teamsFailures.blockedByUser() };
    // By Entra id only with the app installed for the person; by Teams id also through a team.
    const reachable = user.personalInstall || (!isEntraId(memberId) && this.inTeamWithBot(user));
    if (!reachable) return { failure: teamsFailures.botNotInRoster() };
    let chat = this.chatOf(user.teamsId);
    if (!chat) {
      chat = `${chatIdOf(user.teamsId)}-${++this.counter}`;
      this.chats.set(chat, user.teamsId);
    }
    record.resultId = chat;
    return { status: 201, body: { id: chat } };
  }

  private post(
    conversationId: string,
    body: any,
    size: number,
    record: RecordedRequest,
  ): { status: number; body: unknown } | { failure: TeamsFailure } {
    const refused = this.checkConversation(conversationId) ?? this.throttle(conversationId);
    if (refused) return { failure: refused };
    const invalid = this.checkActivity(conversationId, body, size);
    if (invalid) return { failure: invalid };
    const activityId = this.issue(conversationId);
    record.resultId = activityId;
    return { status: 201, body: { id: activityId } };
  }

  private update(
    conversationId: string,
    activityId: string,
    body: any,
    size: number,
  ): { status: number; body: unknown } | { failure: TeamsFailure } {
    const refused = this.checkConversation(conversationId);
    if (refused) return { failure: refused };
    if (this.issued.get(activityId) !== conversationId)
      return {
        failure: teamsError(
          404,
          'ActivityNotFound',
          `No activity ${activityId} in this conversation`,
        ),
      };
    const invalid = this.checkActivity(conversationId, body, size);
    if (invalid) return { failure: invalid };
    return { status: 200, body: { id: activityId } };
  }

  /** A member of a conversation, found by Teams id, Entra id or UPN; or all of them. */
  private members(
    conversationId: string,
    memberId: string | undefined,
  ): { status: number; body: unknown } | { failure: TeamsFailure } {
    const conversation = this.conversation(conversationId);
    const notMember = teamsError(404, 'MemberNotFoundInConversation', 'Member not found');
    if (!conversation)
      return conversationId.startsWith('a:chat-')
        ? { failure: notMember }
        : { failure: teamsFailures.conversationNotFound() };
    let roster: TeamsUserModel[];
    if (conversation.kind === 'personal') roster = [conversation.user];
    else {
      if (!conversation.team.botInstalled) return { failure: teamsFailures.botNotInRoster() };
      roster = this.users.filter((u) => conversation.team.members.includes(u.teamsId));
    }
    if (!memberId) return { status: 200, body: roster.map(asMember) };
    const user = this.userOf(memberId);
    return user && roster.includes(user)
      ? { status: 200, body: asMember(user) }
      : { failure: notMember };
  }

  /** The channels of a team the bot is in. */
  private channels(teamId: string): { status: number; body: unknown } | { failure: TeamsFailure } {
    const team = this.teams.find((t) => t.id === teamId);
    if (!team) return { failure: teamsError(404, 'NotFound', 'Team not found.') };
    if (!team.botInstalled) return { failure: teamsFailures.botNotInRoster() };
    return {
      status: 200,
      body: {
        conversations: team.channels.map((c) =>
          c.id === team.id ? { id: c.id } : { id: c.id, name: c.name },
        ),
      },
    };
  }

  /**
   * The conversation an id names: a person's 1:1 chat, a channel (or a thread in it), or a team.
   * A chat is known only for a person in the model (each has the one the test activities name,
   * `a:chat-…`, until it is deleted); any other id is a conversation Teams does not have.
   */
  private conversation(id: string): Conversation | undefined {
    if (this.deletedChats.has(id)) return undefined;
    const teamsId = this.chats.get(id);
    if (teamsId) {
      const user = this.users.find((u) => u.teamsId === teamsId);
      return user ? { kind: 'personal', id, user } : undefined;
    }
    const channelId = id.split(';messageid=')[0] ?? id;
    const team = this.teams.find((t) => t.channels.some((c) => c.id === channelId));
    if (!team) return undefined;
    return channelId === team.id && id === channelId
      ? { kind: 'team', id, team }
      : { kind: 'channel', id, team };
  }

  /** Why Teams would refuse a send into this conversation, if it would. */
  private checkConversation(conversationId: string): TeamsFailure | undefined {
    const conversation = this.conversation(conversationId);
    if (!conversation) return teamsFailures.conversationNotFound();
    if (conversation.kind === 'personal') {
      if (conversation.user.blocked) return teamsFailures.blockedByUser();
      if (!conversation.user.personalInstall && !this.inTeamWithBot(conversation.user))
        return teamsFailures.botNotInRoster();
      return undefined;
    }
    return conversation.team.botInstalled ? undefined : teamsFailures.botNotInRoster();
  }

  /** About `postsPerSecond` sends a second per conversation, as Teams allows per thread. */
  private throttle(conversationId: string): TeamsFailure | undefined {
    if (this.postsPerSecond === undefined) return undefined;
    const now = Date.now();
    const recent = (this.recentPosts.get(conversationId) ?? []).filter((t) => now - t < 1000);
    if (recent.length >= this.postsPerSecond) {
      this.recentPosts.set(conversationId, recent);
      return teamsFailures.throttled(1);
    }
    recent.push(now);
    this.recentPosts.set(conversationId, recent);
    return undefined;
  }

  /** The size and the mentions of an activity, as Teams checks them. */
  private checkActivity(
    conversationId: string,
    activity: any,
    size: number,
  ): TeamsFailure | undefined {
    if (size > this.maxActivityBytes) return teamsFailures.tooLarge();
    const mentions: { entity: any; within: string }[] = [
      ...((activity?.entities ?? []) as any[]).map((entity) => ({
        entity,
        within: String(activity?.text ?? ''),
      })),
      ...((activity?.attachments ?? []) as any[])
        .filter((a) => a?.contentType === 'application/vnd.microsoft.card.adaptive')
        .flatMap((a) =>
          ((a.content?.msteams?.entities ?? []) as any[]).map((entity) => ({
            entity,
            within: JSON.stringify({ ...a.content, msteams: undefined }),
          })),
        ),
    ].filter((m) => m.entity?.type === 'mention');
    for (const { entity, within } of mentions) {
      const text = String(entity.text ?? '');
      if (!text || !within.includes(JSON.stringify(text).slice(1, -1)))
        return teamsFailures.badArgument(`Mention text ${text} is not in the message.`);
      const user = this.userOf(String(entity.mentioned?.id ?? ''));
      if (!user)
        return teamsFailures.badArgument(
          `Mention in ${conversationId}: ${String(entity.mentioned?.id)} is not a user.`,
        );
    }
    return undefined;
  }

  private inTeamWithBot(user: TeamsUserModel): boolean {
    return this.teams.some(
      (team) =>
        team.botInstalled && team.tenantId === user.tenantId && team.members.includes(user.teamsId),
    );
  }

  private issue(conversationId: string): string {
    const activityId = `act-${++this.counter}`;
    this.issued.set(activityId, conversationId);
    return activityId;
  }
}

/** The call path a request took, told by its method and path. */
function viaOf(method: string, parts: string[]): RecordedRequest['via'] {
  const [, v3, collection, id, sub, subId] = parts;
  if (v3 !== 'v3' || collection !== 'conversations') return 'read';
  if (!id) return method === 'POST' ? 'create' : 'read';
  if (sub !== 'activities') return 'read';
  if (method === 'PUT') return 'update';
  if (method !== 'POST') return 'read';
  return subId ? 'reply' : 'proactive';
}

/** An activity in one line, for the record and for failure messages. */
function carriedBy(activity: any): string {
  if (!activity || typeof activity !== 'object') return '-';
  const text = typeof activity.text === 'string' ? activity.text : '';
  const attachments = ((activity.attachments ?? []) as any[])
    .map((a) => String(a?.contentType))
    .join(',');
  const value = activity.value === undefined ? '' : ` value=${JSON.stringify(activity.value)}`;
  return (
    `type=${String(activity.type)}` +
    (text ? ` text=${JSON.stringify(text.slice(0, 60))}` : ' text=none') +
    ` attachments=[${attachments}]` +
    value.slice(0, 120)
  );
}

/** A message Teams would show as nothing: no text, no attachments. */
function isEmptyMessage(activity: any): boolean {
  if (!activity || typeof activity !== 'object' || activity.type !== 'message') return false;
  const text = typeof activity.text === 'string' ? activity.text.trim() : '';
  return !text && !((activity.attachments ?? []) as unknown[]).length;
}

/** Answered, and with success (a hanging request has status 0). */
function accepted(request: RecordedRequest): boolean {
  return request.status >= 200 && request.status < 300;
}

/** The 1:1 chat id the test activities give a person (see `personalConversationId`). */
function chatIdOf(teamsId: string): string {
  return `a:chat-${teamsId.replace(/^29:/, '')}`;
}

/** A member as the connector returns it (TeamsChannelAccount). */
function asMember(user: TeamsUserModel): object {
  return {
    id: user.teamsId,
    name: user.name,
    ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}),
    ...(user.email ? { email: user.email } : {}),
    ...(user.userPrincipalName ? { userPrincipalName: user.userPrincipalName } : {}),
    tenantId: user.tenantId,
    userRole: 'user',
  };
}

/** The Adaptive Card in an activity, if it has one. */
export function cardOf(activity: any): any {
  return activity?.attachments?.find(
    (a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;
}
