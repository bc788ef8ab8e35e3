import type { ContainerRequest, IndexingPolicy } from '@azure/cosmos';

/**
 * Only the listed paths are indexed: the fields queries filter or sort on. Everything else
 * (the inquiry itself, its history, cards and notifications) is written without index cost.
 */
function indexOnly(
  paths: string[],
  composite: IndexingPolicy['compositeIndexes'] = [],
): IndexingPolicy {
  return {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: paths.map((path) => ({ path: `${path}/?` })),
    excludedPaths: [{ path: '/*' }],
    ...(composite.length ? { compositeIndexes: composite } : {}),
  };
}

/** Every container has the partition key path `/pk`; each document sets `pk` itself. */
export const containers = {
  /** Organisation generations: `current`, snapshots, people by email and by Entra object id. */
  organisation: {
    id: 'organisation',
    partitionKey: { paths: ['/pk'] },
    indexingPolicy: indexOnly(['/generation', '/type']),
  },
  /** Inquiries (pk = id), their request-key and number lookups, asker entries (pk = asker), counters. */
  inquiries: {
    id: 'inquiries',
    partitionKey: { paths: ['/pk'] },
    indexingPolicy: indexOnly(['/pk', '/type', '/dueAt', '/pendingSince', '/createdAt']),
  },
  /** Notifications (pk = id = the item's number). Finished items expire after 30 days. */
  outbox: {
    id: 'outbox',
    partitionKey: { paths: ['/pk'] },
    defaultTtl: -1,
    indexingPolicy: indexOnly(
      ['/state', '/availableAt'],
      [
        [
          { path: '/state', order: 'ascending' },
          { path: '/availableAt', order: 'ascending' },
        ],
      ],
    ),
  },
  /** Profiles, drafts, conversation references, the Teams endpoint and turn state; read by id only. */
  state: {
    id: 'state',
    partitionKey: { paths: ['/pk'] },
    indexingPolicy: indexOnly([]),
  },
} satisfies Record<string, ContainerRequest>;
