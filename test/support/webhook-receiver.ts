import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { verifyWebhook, webhookHeaders } from '../../src/webhook/signature';
import type { WebhookPayload } from '../../src/webhook/payload';

/** How the receiver treats the requests that reach it. */
export type ReceiverMode = 'accept' | 'fail' | 'hang';

/** A request as it arrived: the raw body and the headers the bot signed it with. */
export interface ReceivedRequest {
  body: string;
  headers: Record<string, string>;
  /** What the receiver answered; undefined while it hangs. */
  status?: number;
}

/**
 * A service desk's webhook endpoint on loopback, as docs/webhook.md tells one to write it: it
 * checks the signature and timestamp with `verifyWebhook` against its own clock (the test keeps it
 * at the bot's time), refuses what fails with 401, and accepts each delivery id once, answering a
 * repeat 200 without taking it again. It can answer 500, hang, or stop listening for a while.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** The payloads taken, in the order taken: each delivery id at most once. */
  readonly accepted: WebhookPayload[] = [];
  /** Delivery ids that came again after they were taken (answered 200 and not taken again). */
  readonly repeats: string[] = [];
  mode: ReceiverMode = 'accept';
  /** The receiver's clock, for the timestamp check. */
  now = new Date(0);
  /** Says `request` whenever a request has arrived or been answered. */
  private readonly events = new EventEmitter();
  private server = http.createServer((request, response) => this.handle(request, response));
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(readonly secret: string) {
    this.track();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/qm`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops listening and drops every connection: the bot's next calls are refused. */
  async refuseConnections(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server = http.createServer((request, response) => this.handle(request, response));
    this.track();
  }

  /** Listens again on the same port. */
  recover(): Promise<void> {
    this.mode = 'accept';
    return this.server.listening ? Promise.resolve() : this.start();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server.listening)
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves with what `find` gives once it gives something, looking at each request's arrival and answer. */
  waitFor<T>(find: () => T | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (found === undefined || found === false) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out waiting for ${what}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.events.off('request', check);
      };
      this.events.on('request', check);
      check();
    });
  }

  /** Posts a request as it was received once, again, as an attacker replaying it would. */
  async replay(request: ReceivedRequest): Promise<number> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    return response.status;
  }

  private track(): void {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const headers = Object.fromEntries(
        Object.values(webhookHeaders).flatMap((name) => {
          const value = header(name);
          return value ? [[name, value]] : [];
        }),
      );
      const received: ReceivedRequest = {
        body,
        headers: { ...headers, 'content-type': header('content-type') ?? '' },
      };
      this.requests.push(received);
      const answer = (status: number) => {
        received.status = status;
        response.writeHead(status).end();
        this.events.emit('request');
      };
      if (this.mode === 'hang') return void this.events.emit('request');
      if (this.mode === 'fail') return answer(500);
      const verified = verifyWebhook({
        secret: this.secret,
        body,
        timestamp: header(webhookHeaders.timestamp),
        signature: header(webhookHeaders.signature),
        now: this.now,
      });
      if (!verified.ok) return answer(401);
      const payload = JSON.parse(body) as WebhookPayload;
      if (payload.deliveryId !== header(webhookHeaders.delivery)) return answer(400);
      if (this.accepted.some((p) => p.deliveryId === payload.deliveryId))
        this.repeats.push(payload.deliveryId);
      else this.accepted.push(payload);
      answer(200);
    });
  }
}
