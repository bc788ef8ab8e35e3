import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Questions carry this marker, so the card that shows one can be told apart at the connector. */
export function questionMarker(question: number): string {
  return `[spørsmål ${question}]`;
}
const markerPattern = /\[spørsmål (\d+)\]/;

/**
 * The least of a Bot Framework connector a bot needs on loopback: it accepts every conversation,
 * message, reply and update, knows every member it is asked about, and notes when the first card
 * posted to a channel names a question (the triage card), for the question → triage card time.
 */
export class BenchConnector {
  private server?: http.Server;
  private next = 0;
  /** When each question's triage card arrived (performance.now()). */
  readonly triageArrivals = new Map<number, number>();
  requests = 0;

  /** `channelIds`: the channels every team has, as the bot's start-up check asks for them. */
  constructor(private readonly channelIds: string[] = []) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('The connector is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    this.server.keepAliveTimeout = 60_000;
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    this.requests++;
    const path = (req.url ?? '').split('?')[0];
    const id = `${++this.next}`;
    let result: object = { id };
    if (req.method === 'POST' && path === '/v3/conversations') {
      const channel = /"channel":\{"id":"([^"]+)"/.exec(body)?.[1];
      result = channel
        ? { id: `${channel};messageid=${id}`, activityId: id }
        : { id: `a:bench-chat-${id}` };
      this.noteTriage(body, Boolean(channel));
    } else if (req.method === 'POST' && path.startsWith('/v3/conversations/')) {
      this.noteTriage(body, path.includes('19:') || path.includes('19%3A'));
    } else if (req.method === 'GET' && /^\/v3\/teams\/[^/]+\/conversations$/.test(path)) {
      result = { conversations: this.channelIds.map((channelId) => ({ id: channelId })) };
    } else if (req.method === 'GET' && path.includes('/members/')) {
      const member = decodeURIComponent(path.split('/members/')[1] ?? '');
      result = { id: member.startsWith('29:') ? member : `29:${member}`, name: member };
      if (member.includes('@')) Object.assign(result, { email: member, userPrincipalName: member });
      else Object.assign(result, { aadObjectId: member });
    }
    const json = JSON.stringify(result);
    res.writeHead(req.method === 'POST' && path === '/v3/conversations' ? 201 : 200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  }

  private noteTriage(body: string, inChannel: boolean): void {
    if (!inChannel) return;
    const question = markerPattern.exec(body)?.[1];
    if (question === undefined) return;
    const number = Number(question);
    if (!this.triageArrivals.has(number)) this.triageArrivals.set(number, performance.now());
  }
}
