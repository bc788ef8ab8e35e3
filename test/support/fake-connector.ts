import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

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
}

export interface Member {
  id: string;
  aadObjectId?: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
}

interface Injected {
  match: (req: RecordedRequest) => boolean;
  responses: { status: number; headers?: Record<string, string>; body?: unknown }[];
}

/**
 * A Bot Framework connector on localhost that answers as Teams would and records every request,
 * so tests see exactly what Teams would have received.
 */
export class FakeConnector {
  readonly requests: RecordedRequest[] = [];
  private server?: http.Server;
  private members = new Map<string, Member>();
  private personalChats = new Map<string, string>();
  private injected: Injected[] = [];
  private counter = 0;
  /** Activity ids this connector gave out; Teams updates nothing else. */
  private issued = new Set<string>();
  /** Emits `answered` each time a recorded request has had its answer. */
  private readonly events = new EventEmitter().setMaxListeners(100);

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('The fake connector is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      res.once('close', () => this.events.emit('answered'));
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  setMember(member: Member): void {
    this.members.set(member.id, member);
  }

  /** The next matching requests get these responses in order, then normal answers resume. */
  failNext(match: (req: RecordedRequest) => boolean, responses: Injected['responses']): void {
    this.injected.push({ match, responses: [...responses] });
  }

  /** Activities posted into conversations (the ones Teams accepted). */
  sent(): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && r.path.includes('/activities') && r.status < 300,
    );
  }

  /** Drops every injected failure not yet used: Teams is back. */
  recover(): void {
    this.injected = [];
  }

  updates(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'PUT' && r.status < 300);
  }

  conversationsCreated(): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v3/conversations' && r.status < 300,
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
        const summary = this.requests.map((r) => `${r.status} ${r.method} ${r.path}`).join('\n  ');
        reject(
          new Error(
            `Timed out waiting for ${what}. The connector received:\n  ${summary || '(nothing)'}`,
          ),
        );
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
    const record: RecordedRequest = {
      method: req.method ?? '',
      path,
      body,
      status: 200,
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
    if (typeof body === 'string') {
      reply(400, { error: { code: 'BadSyntax', message: 'The body is not JSON' } });
      return;
    }
    const injection = this.injected.find((i) => i.responses.length > 0 && i.match(record));
    if (injection) {
      const response = injection.responses.shift()!;
      reply(
        response.status,
        response.body ?? { error: { code: 'Injected', message: `HTTP ${response.status}` } },
        response.headers,
      );
      return;
    }
    const id = () => `${++this.counter}`;
    if (req.method === 'POST' && path === '/v3/conversations') {
      const channelId = body?.channelData?.channel?.id as string | undefined;
      if (body?.isGroup && channelId) {
        const activityId = `act-${id()}`;
        this.issued.add(activityId);
        record.resultId = activityId;
        reply(201, { id: `${channelId};messageid=${activityId}`, activityId });
        return;
      }
      const memberId = body?.members?.[0]?.id as string | undefined;
      if (!memberId) {
        reply(400, { error: { code: 'BadArgument', message: 'members required' } });
        return;
      }
      const conversationId = this.personalChats.get(memberId) ?? `a:personal-${id()}`;
      this.personalChats.set(memberId, conversationId);
      record.resultId = conversationId;
      reply(201, { id: conversationId });
      return;
    }
    if (req.method === 'POST' && parts[4] === 'activities') {
      const activityId = `act-${id()}`;
      this.issued.add(activityId);
      record.resultId = activityId;
      reply(201, { id: activityId });
      return;
    }
    if (req.method === 'PUT' && parts[4] === 'activities' && parts[5]) {
      if (this.issued.has(parts[5])) reply(200, { id: parts[5] });
      else reply(404, { error: { code: 'ActivityNotFound', message: `No activity ${parts[5]}` } });
      return;
    }
    if (req.method === 'GET' && parts[4] === 'members') {
      if (!parts[5]) {
        reply(200, [...this.members.values()]);
        return;
      }
      const member = this.members.get(parts[5]);
      if (member) reply(200, member);
      else
        reply(404, {
          error: { code: 'MemberNotFoundInConversation', message: 'Member not found' },
        });
      return;
    }
    reply(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
  }
}

/** The Adaptive Card in an activity, if it has one. */
export function cardOf(activity: any): any {
  return activity?.attachments?.find(
    (a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;
}
