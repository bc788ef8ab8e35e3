import {
  PartitionKeyDefinitionVersion,
  PartitionKeyKind,
  type ContainerRequest,
  type IndexingPolicy,
  type PartitionKeyDefinition,
} from '@azure/cosmos';

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

/**
 * Every container has the partition key path `/pk`, version 2 (the whole key is hashed, up to
 * 2 KB; version 1 hashes the first 100 bytes); each document sets `pk` itself.
 */
const byPk: PartitionKeyDefinition = {
  paths: ['/pk'],
  kind: PartitionKeyKind.Hash,
  version: PartitionKeyDefinitionVersion.V2,
};

export const containers = {
  /** Organisation generations: `current`, snapshots, people by email and by Entra object id. */
  organisation: {
    id: 'organisation',
    partitionKey: byPk,
    indexingPolicy: indexOnly(['/generation', '/type']),
  },
  /** Inquiries (pk = id), their request-key and number lookups, asker entries (pk = asker), counters. */
  inquiries: {
    id: 'inquiries',
    partitionKey: byPk,
    indexingPolicy: indexOnly(
      [
        '/pk',
        '/type',
        '/dueAt',
        '/pendingSince',
        '/createdAt',
        '/status',
        '/unitId',
        '/workAreaId',
        '/topicId',
        '/level',
        '/updatedAt',
        '/finishedAt',
        '/registeredBy',
        '/askerKey',
        '/number',
        '/requestKeys/[]',
        '/askerStatusActivityId',
      ],
      [
        // The handlers' queue: open inquiries of some units, work areas or topics, oldest first.
        ...['/workAreaId', '/unitId', '/topicId'].map((path) => [
          { path, order: 'ascending' as const },
          { path: '/createdAt', order: 'ascending' as const },
        ]),
        // The work area's board: its inquiries written this week, latest first.
        [
          { path: '/workAreaId', order: 'ascending' as const },
          { path: '/updatedAt', order: 'descending' as const },
        ],
      ],
    ),
  },
  /** Notifications (pk = id = the item's number). Finished items expire after 30 days. */
  outbox: {
    id: 'outbox',
    partitionKey: byPk,
    defaultTtl: -1,
    indexingPolicy: indexOnly(
      ['/state', '/availableAt', '/doneAt'],
      [
        [
          { path: '/state', order: 'ascending' },
          { path: '/availableAt', order: 'ascending' },
        ],
      ],
    ),
  },
  /** Knowledge-base entries, solved inquiries, self-served questions and their counters (pk = id). */
  knowledge: {
    id: 'knowledge',
    partitionKey: byPk,
    indexingPolicy: indexOnly(['/type', '/seq', '/at']),
  },
  /** The audit trail (pk = id) and its counter; listed newest first, filtered by action, actor, time. */
  audit: {
    id: 'audit',
    partitionKey: byPk,
    indexingPolicy: indexOnly(['/type', '/seq', '/action', '/actorKey', '/at']),
  },
  /**
   * Profiles, drafts, conversation references, the Teams endpoint and turn state; read by id, but
   * drafts by age (retention), by asker (export and erasure) and by when their follow-up comes
   * (only drafts have `followUpAt`).
   */
  state: {
    id: 'state',
    partitionKey: byPk,
    indexingPolicy: indexOnly(['/type', '/value/createdAt', '/value/askerKey', '/followUpAt']),
  },
} satisfies Record<string, ContainerRequest>;
