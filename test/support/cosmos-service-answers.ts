import type { IncomingMessage, ServerResponse } from 'node:http';

/** What Azure Cosmos DB refuses and how it answers: the rules and bodies the strict layer uses. */

export const maxItemBytes = 2 * 1024 * 1024;
export const maxPatchOperations = 10;
/** Control characters, which the service neither accepts in a name nor reads back in a URL. */
const hasControl = (text: string) =>
  [...text].some(
    (c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f),
  );
/** Characters the service refuses in a resource name. */
export const refusedInName = (id: string) => /[/\\?#]/.test(id) || hasControl(id);
/** Characters in an id the gateway decodes differently than the client signed: the request is refused. */
export const misreadInPath = (id: string) => /[%\\]/.test(id) || hasControl(id);
export const docPath = /^\/dbs\/[^/]+\/colls\/[^/]+\/docs\/(.*)$/;
export const docsPath = /^\/dbs\/[^/]+\/colls\/[^/]+\/docs$/;

export function isBatch(request: IncomingMessage): boolean {
  return (
    request.headers['x-ms-cosmos-is-batch-request'] === 'True' ||
    request.headers['x-ms-cosmos-is-batch-request'] === 'true'
  );
}

export function answer(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: IncomingMessage['headers'] = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...withoutHopHeaders(headers),
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'x-ms-activity-id': '00000000-0000-0000-0000-000000000000',
    'x-ms-request-charge': headers['x-ms-request-charge'] ?? '1',
  });
  response.end(text);
}

export function withoutHopHeaders(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const { connection: _c, 'content-length': _l, 'transfer-encoding': _t, ...rest } = headers;
  return rest;
}

const codes: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  408: 'RequestTimeout',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  429: 'TooManyRequests',
  449: 'RetryWith',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

export function serviceError(status: number, message: string): { code: string; message: string } {
  return {
    code: codes[status] ?? String(status),
    message: `Message: {"Errors":[${JSON.stringify(message)}]}\r\nActivityId: 00000000-0000-0000-0000-000000000000`,
  };
}

export function unauthorized(
  method: string,
  decodedPath: string,
): { code: string; message: string } {
  return {
    code: 'Unauthorized',
    message:
      "The input authorization token can't serve the request. The wrong key is being used or the " +
      'expected payload is not built as per the protocol. For more info: ' +
      'https://aka.ms/cosmosdb-tsg-unauthorized. Server used the following payload to sign: ' +
      `'${method.toLowerCase()}\ndocs\n${decodedPath.slice(1)}\n'`,
  };
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function queryText(body: Buffer): string | undefined {
  const parsed = parseJson(body) as { query?: unknown } | undefined;
  return typeof parsed?.query === 'string' ? parsed.query : undefined;
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
