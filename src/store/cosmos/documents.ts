import { createHash } from 'node:crypto';
import type { Container, ItemDefinition, Resource } from '@azure/cosmos';
import { StoreUnavailableError } from '../errors';

/** A stored document with the system properties Cosmos DB adds. */
export type Stored<T> = T & Resource;

/**
 * A document id from a kind and values. Values are percent-encoded, so `/ \ ? #` (not allowed in
 * ids) never appear and `|` separates parts unambiguously; very long ids become a hash.
 */
export function docId(kind: string, ...parts: string[]): string {
  const id = [kind, ...parts.map(encodeURIComponent)].join('|');
  if (id.length <= 250) return id;
  return `${kind}|#${createHash('sha256').update(parts.join('\u0000')).digest('hex')}`;
}

export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Statuses that mean "try later": throttling, unavailability, timeouts, refused credentials. */
const unavailable = new Set([401, 403, 408, 429, 449, 500, 502, 503, 504]);

/** Turns an SDK error that outlasted the client's retries into one that says what failed. */
export function explain(what: string, error: unknown): Error {
  const status = statusOf(error);
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const message = `Cosmos DB ${what} failed (${status ?? (error as { code?: string }).code ?? 'no answer'}): ${reason}`;
  return status === undefined || unavailable.has(status)
    ? new StoreUnavailableError(message, { cause: error })
    : new Error(message, { cause: error });
}

/** Runs one SDK call; any failure is explained with `what`. */
export async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw explain(what, error);
  }
}

export type Expected = 404 | 409 | 412;
export type Outcome<T> = { ok: true; value: T } | { ok: false; status: Expected };

/** A conditional write: not found, conflict and a stale etag are outcomes, anything else fails. */
export async function attempt<T>(what: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 409 || status === 412) return { ok: false, status };
    throw explain(what, error);
  }
}

/** A point read; a missing document is `undefined`. */
export async function readDoc<T extends ItemDefinition>(
  container: Container,
  id: string,
  partitionKey: string,
): Promise<Stored<T> | undefined> {
  const { resource } = await call(`read of ${container.id}/${id}`, () =>
    container.item(id, partitionKey).read<T>(),
  );
  return resource;
}

/** Creates a document; false when one with its id is already there. */
export async function createOnce<T extends ItemDefinition & { id: string }>(
  container: Container,
  doc: T,
): Promise<boolean> {
  const created = await attempt(`create of ${container.id}/${doc.id}`, () =>
    container.items.create(doc),
  );
  if (created.ok) return true;
  if (created.status === 409) return false;
  throw new Error(`Cosmos DB create of ${container.id}/${doc.id} failed (${created.status})`);
}

/** Replaces a document only if it still has `etag`; returns the new version or why not. */
export async function replaceIf<T extends ItemDefinition & { id: string; pk: string }>(
  container: Container,
  doc: T,
  etag: string,
): Promise<Outcome<Stored<T>>> {
  const result = await attempt(`replace of ${container.id}/${doc.id}`, () =>
    container.item(doc.id, doc.pk).replace<T>(withoutSystemProperties(doc), {
      accessCondition: { type: 'IfMatch', condition: etag },
    }),
  );
  if (!result.ok) return result;
  const { resource } = result.value;
  if (!resource) throw new Error(`Cosmos DB replace of ${container.id}/${doc.id} returned nothing`);
  return { ok: true, value: resource };
}

export function withoutSystemProperties<T extends object>(doc: T): T {
  const { _etag, _rid, _ts, _self, _attachments, ...rest } = doc as T &
    Partial<Resource> & {
      _attachments?: unknown;
    };
  void _etag;
  void _rid;
  void _ts;
  void _self;
  void _attachments;
  return rest as T;
}

/**
 * Runs a query page by page (cosmosdb-server and Cosmos DB both page with continuations) until
 * `take` returns false or the results run out. Pass the partition key for single-partition queries.
 */
export async function queryPages<T>(
  container: Container,
  what: string,
  query: { query: string; parameters: { name: string; value: string | number }[] },
  options: { partitionKey?: string; pageSize: number },
  take: (page: T[]) => boolean | Promise<boolean>,
): Promise<void> {
  const iterator = container.items.query<T>(query, {
    maxItemCount: options.pageSize,
    ...(options.partitionKey !== undefined ? { partitionKey: options.partitionKey } : {}),
  });
  while (iterator.hasMoreResults()) {
    const { resources } = await call(what, () => iterator.fetchNext());
    if (!(await take(resources))) return;
  }
}
