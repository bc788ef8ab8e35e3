import fs from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import {
  answer,
  docPath,
  docsPath,
  isBatch,
  maxItemBytes,
  maxPatchOperations,
  misreadInPath,
  parseJson,
  queryText,
  refusedInName,
  safeDecode,
  serviceError,
  unauthorized,
  withoutHopHeaders,
} from './cosmos-service-answers';

/**
 * How the strict layer answers the account read (`GET /`), which the client reads at start: what
 * a real account says about its write regions and consistency.
 */
export interface StrictAccount {
  consistency: 'Strong' | 'BoundedStaleness' | 'Session' | 'ConsistentPrefix' | 'Eventual';
  multipleWriteLocations: boolean;
}

/** A request the strict layer should answer with a status of its own instead of passing it on. */
export interface InjectedFailure {
  method: string;
  /** Matched against the decoded request path. */
  path: RegExp;
  /** When given, matched against the request body too (e.g. the kind of document written). */
  body?: RegExp;
  status: number;
  times: number;
}

export interface StrictCosmos {
  endpoint: string;
  account: StrictAccount;
  /** Answers the next `times` matching requests with `status`, as the service would. */
  fail(failure: InjectedFailure): void;
  /** Requests seen, by method and decoded path, with the charge the upstream answered with. */
  readonly seen: {
    method: string;
    path: string;
    query?: string;
    /** The query a query-plan request (which the client sends beside a query) is for. */
    planFor?: string;
    /** The `type` of a document created, upserted or replaced, where it has one. */
    docType?: string;
    charge?: number;
  }[];
  stop(): Promise<void>;
}

/**
 * A layer in front of cosmosdb-server that is as strict as Azure Cosmos DB where the stand-in is
 * lenient: it refuses ids the service refuses (400) or misreads in a URL (401), items over 2 MB
 * (413) and patches of more than 10 operations (400), and it returns every query in pages of
 * varying size, empty pages with a continuation among them, as cross-partition queries come back.
 * It answers the account read as a real account does, with its own endpoint as the only region.
 */
export async function startStrictCosmos(
  upstream: string,
  options: {
    /**
     * Only pass requests on and record their charges, as a recorder in front of a real account:
     * nothing is refused or paged, and the account keeps its own settings.
     */
    passThrough?: boolean;
    /** Verify the upstream's certificate (a real account); cosmosdb-server's is self-signed. */
    verifyUpstream?: boolean;
  } = {},
): Promise<StrictCosmos> {
  const target = new URL(upstream);
  const agent = new https.Agent({
    keepAlive: true,
    rejectUnauthorized: options.verifyUpstream ?? false,
  });
  const failures: InjectedFailure[] = [];
  const seen: StrictCosmos['seen'] = [];
  const account: StrictAccount = { consistency: 'Session', multipleWriteLocations: false };
  let endpoint = '';

  const forward = (
    request: IncomingMessage,
    body: Buffer,
    headers: IncomingMessage['headers'] = request.headers,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const outgoing = https.request(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: { ...headers, host: target.host, 'content-length': String(body.length) },
          agent,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 500,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = request.method ?? 'GET';
    const rawUrl = request.url ?? '/';
    const [rawPath, rawQuery] = rawUrl.split(/\?(.*)/s, 2);
    const decodedPath = safeDecode(rawPath);
    const isQuery = request.headers['x-ms-documentdb-isquery'] === 'true';
    const isPlan = /^true$/i.test(String(request.headers['x-ms-cosmos-is-query-plan-request']));
    const entry: StrictCosmos['seen'][number] = {
      method,
      path: decodedPath,
      ...(isQuery ? { query: queryText(body) } : {}),
      ...(isPlan ? { planFor: queryText(body) } : {}),
      ...(!isQuery && !isPlan && (method === 'POST' || method === 'PUT') ? documentType(body) : {}),
    };
    seen.push(entry);
    if (options.passThrough) {
      if (method === 'GET' && rawPath === '/') return answerAccount(request, response, body);
      const upstreamAnswer = await forward(request, body);
      entry.charge = Number(upstreamAnswer.headers['x-ms-request-charge'] ?? 0);
      response.writeHead(upstreamAnswer.status, withoutHopHeaders(upstreamAnswer.headers));
      response.end(upstreamAnswer.body);
      return;
    }

    const injected = failures.find(
      (f) =>
        f.method === method &&
        f.path.test(decodedPath) &&
        (f.body === undefined || f.body.test(body.toString('utf8'))),
    );
    if (injected) {
      injected.times -= 1;
      if (injected.times <= 0) failures.splice(failures.indexOf(injected), 1);
      return answer(response, injected.status, serviceError(injected.status, 'Injected'));
    }

    const point = docPath.exec(rawPath);
    if (point) {
      // The client signs the id it was given; the gateway signs what it decodes from the URL.
      const id = safeDecode(point[1]);
      if (rawQuery !== undefined || misreadInPath(id))
        return answer(response, 401, unauthorized(method, decodedPath));
    }
    if (body.length > maxItemBytes && (method === 'POST' || method === 'PUT'))
      return answer(response, 413, serviceError(413, 'Request size is too large'));
    if (method === 'PATCH') {
      const operations = (parseJson(body) as { operations?: unknown[] } | undefined)?.operations;
      if (Array.isArray(operations) && operations.length > maxPatchOperations)
        return answer(
          response,
          400,
          serviceError(
            400,
            `Patch request has more operations than the limit of ${maxPatchOperations}.`,
          ),
        );
    }
    const writesDocument =
      (method === 'POST' && docsPath.test(rawPath) && !isQuery && !isBatch(request)) ||
      (method === 'PUT' && point);
    if (writesDocument) {
      const id = (parseJson(body) as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && (refusedInName(id) || Buffer.byteLength(id) > 1023))
        return answer(
          response,
          400,
          serviceError(
            400,
            `The input name '${id}' is invalid. Ensure to provide a unique non-empty string less than '1024' characters.`,
          ),
        );
    }

    if (method === 'GET' && rawPath === '/') return answerAccount(request, response, body);
    if (method === 'POST' && isQuery && docsPath.test(rawPath))
      return answerInPages(request, response, body);

    const upstreamAnswer = await forward(request, body);
    response.writeHead(upstreamAnswer.status, withoutHopHeaders(upstreamAnswer.headers));
    response.end(upstreamAnswer.body);
  };

  /** The account as a real one describes itself: its regions (here, this layer) and consistency. */
  const answerAccount = async (
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
  ): Promise<void> => {
    const upstreamAnswer = await forward(request, body);
    const original = parseJson(upstreamAnswer.body) as Record<string, unknown>;
    const location = { name: 'Norway East', databaseAccountEndpoint: endpoint };
    if (options.passThrough) {
      // Every region is reached through this recorder, so that each request passes it.
      const through = (regions: unknown) =>
        Array.isArray(regions)
          ? regions.map((region: Record<string, unknown>) => ({
              ...region,
              databaseAccountEndpoint: endpoint,
            }))
          : regions;
      answer(
        response,
        upstreamAnswer.status,
        {
          ...original,
          writableLocations: through(original.writableLocations),
          readableLocations: through(original.readableLocations),
        },
        upstreamAnswer.headers,
      );
      return;
    }
    const described = {
      ...original,
      id: 'qm-strict',
      writableLocations: account.multipleWriteLocations
        ? [location, { name: 'West Europe', databaseAccountEndpoint: endpoint }]
        : [location],
      readableLocations: [location],
      enableMultipleWriteLocations: account.multipleWriteLocations,
      userConsistencyPolicy: {
        defaultConsistencyLevel: account.consistency,
        maxStalenessPrefix: 100,
        maxIntervalInSeconds: 5,
      },
    };
    answer(response, 200, described, upstreamAnswer.headers);
  };

  /**
   * Runs the query to its end upstream, then hands it out in pages of varying size (never more than
   * the client asked for): empty, one item, a full page, two, empty, one short of full, … Every
   * query's first page carries a continuation, even when nothing matches.
   */
  const answerInPages = async (
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
  ): Promise<void> => {
    const asked = Number(request.headers['x-ms-max-item-count'] ?? 100);
    const max = asked > 0 ? asked : 100;
    const token = parseJson(Buffer.from(String(request.headers['x-ms-continuation'] ?? ''))) as
      { strictOffset?: number; strictPage?: number } | undefined;
    const offset = token?.strictOffset ?? 0;
    const page = token?.strictPage ?? 0;

    const all: unknown[] = [];
    let continuation: string | undefined;
    let last: Awaited<ReturnType<typeof forward>> | undefined;
    do {
      const { 'x-ms-continuation': _asked, ...headers }: IncomingMessage['headers'] = {
        ...request.headers,
        'x-ms-max-item-count': '1000',
      };
      if (continuation) headers['x-ms-continuation'] = continuation;
      last = await forward(request, body, headers);
      if (last.status !== 200) {
        response.writeHead(last.status, withoutHopHeaders(last.headers));
        response.end(last.body);
        return;
      }
      const parsed = parseJson(last.body) as { Documents?: unknown[] };
      all.push(...(parsed.Documents ?? []));
      const next = last.headers['x-ms-continuation'];
      continuation = typeof next === 'string' && next ? next : undefined;
    } while (continuation);

    const sizes = [0, 1, max, 2, 0, Math.max(max - 1, 1)];
    const size = Math.min(sizes[page % sizes.length], max);
    const slice = all.slice(offset, offset + size);
    const more = offset + size < all.length || page === 0;
    const headers: IncomingMessage['headers'] = {
      ...last.headers,
      'x-ms-item-count': String(slice.length),
    };
    delete headers['x-ms-continuation'];
    if (more)
      headers['x-ms-continuation'] = JSON.stringify({
        strictOffset: offset + size,
        strictPage: page + 1,
      });
    answer(response, 200, { _rid: 'strict', Documents: slice, _count: slice.length }, headers);
  };

  const server = https.createServer({
    cert: fs.readFileSync(path.join(cosmosdbServerRoot(), 'cert.pem')),
    key: fs.readFileSync(path.join(cosmosdbServerRoot(), 'key.pem')),
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) answer(response, 500, serviceError(500, String(error)));
      else response.destroy();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    endpoint,
    account,
    seen,
    fail: (failure) => failures.push({ ...failure }),
    stop: async () => {
      sockets.forEach((socket) => socket.destroy());
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function cosmosdbServerRoot(): string {
  return path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
}

/** The `type` field of a document body, for telling apart the writes the bench counts. */
function documentType(body: Buffer): { docType?: string } {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const type = (parsed as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? { docType: type } : {};
  } catch {
    return {};
  }
}
