import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';

export interface BodyLimits {
  /** Most bytes a body may have, counted after decompression. */
  maxBytes: number;
  /** Longest time the whole body may take to arrive. */
  timeoutMs: number;
}

export type BodyResult =
  { ok: true; body: unknown } | { ok: false; status: 400 | 408 | 413 | 415; reason: string };

/** Encodings a client may send a body in; anything else is refused before a byte is read. */
const decoders: Record<string, (() => zlib.Gunzip | zlib.Inflate) | undefined> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
};

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined) return undefined;
  const length = Number(header);
  return Number.isFinite(length) ? length : undefined;
}

/**
 * Reads a JSON body within fixed limits before anything else looks at the request. The size
 * limit holds on the bytes after decompression, counted as they stream, so a small compressed
 * body that would inflate to hundreds of megabytes is cut off at the limit; a body that is too
 * large by its declared length is refused without reading it, and one that arrives too slowly is
 * refused when the time is up.
 */
export async function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const decoder = encoding === 'identity' || encoding === '' ? undefined : decoders[encoding];
  if (encoding !== 'identity' && encoding !== '' && !decoder) {
    return { ok: false, status: 415, reason: 'unsupported content encoding' };
  }
  const length = declaredLength(req);
  if (length !== undefined && length > limits.maxBytes) {
    return { ok: false, status: 413, reason: 'declared length over the limit' };
  }

  const source = decoder ? req.pipe(decoder()) : req;
  const chunks: Buffer[] = [];
  let size = 0;
  const outcome = await new Promise<BodyResult | undefined>((resolve) => {
    const finish = (result: BodyResult | undefined): void => {
      clearTimeout(timer);
      source.removeAllListeners('data');
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ ok: false, status: 408, reason: 'body not received in time' }),
      limits.timeoutMs,
    );
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        finish({ ok: false, status: 413, reason: 'body over the limit' });
        return;
      }
      chunks.push(chunk);
    });
    source.once('end', () => finish(undefined));
    source.once('error', () =>
      finish({ ok: false, status: 400, reason: 'body could not be decoded' }),
    );
    req.once('aborted', () => finish({ ok: false, status: 400, reason: 'body aborted' }));
  });
  if (outcome) {
    // Stop reading: the rest of the body is never inflated or kept.
    if (source !== req) source.destroy();
    req.unpipe();
    return outcome;
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
}
