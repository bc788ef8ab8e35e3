import { StatusCodes, type Container, type ItemDefinition, type Resource } from '@azure/cosmos';
import { explain, statusOf } from './cosmos-errors';

/** A stored document with the system properties Cosmos DB adds. */
export type Stored<T> = T & Resource;

/** Runs one SDK call; any failure is explained with `what`. */
export async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw explain(what, error);
  }
}

export type Expected =
  typeof StatusCodes.NotFound | typeof StatusCodes.Conflict | typeof StatusCodes.PreconditionFailed;
export type Outcome<T> = { ok: true; value: T } | { ok: false; status: Expected };

function isExpected(status: number | undefined): status is Expected {
  return (
    status === StatusCodes.NotFound ||
    status === StatusCodes.Conflict ||
    status === StatusCodes.PreconditionFailed
  );
}

/** A conditional write: not found, conflict and a stale etag are outcomes, anything else fails. */
export async function attempt<T>(what: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const status = statusOf(error);
    if (isExpected(status)) return { ok: false, status };
    throw explain(what, error);
  }
}

/**
 * A patch, tried again while the service answers 449 (retry with): a patch that meets another
 * write of the same document can be answered so, and the SDK leaves it to the caller.
 */
export async function patchContended<T>(
  what: string,
  run: () => Promise<T>,
  attempts = 10,
): Promise<Outcome<T>> {
  for (let round = 1; ; round++) {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      const status = statusOf(error);
      if (isExpected(status)) return { ok: false, status };
      if (status !== StatusCodes.RetryWith || round >= attempts) throw explain(what, error);
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 * 2 ** round, 1000)));
    }
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
  if (created.status === StatusCodes.Conflict) return false;
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
 * Runs a query page by page until `take` returns false or the results run out. Pass the partition
 * key for single-partition queries. A page may be empty, or have no resources at all, while later
 * pages still hold results (a cross-partition query visits each physical partition in turn): only
 * the end of the iterator ends the query.
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
    if (!(await take(resources ?? []))) return;
  }
}
