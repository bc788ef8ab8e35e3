import {
  PartitionKeyDefinitionVersion,
  type ContainerDefinition,
  type ContainerRequest,
  type IndexingPolicy,
} from '@azure/cosmos';

/** What start-up found wrong with an existing container, and whether it could be put right. */
export type ContainerFinding =
  | { kind: 'fine' }
  | { kind: 'indexing'; replacement: ContainerDefinition }
  | { kind: 'unusable'; reason: string };

/**
 * Compares a container as the service describes it with what the store needs. A different
 * indexing policy can be replaced in place; a different partition key path, partition key
 * version 1 (hashes only the first 100 bytes of a key) or TTL turned off on a container that needs
 * it cannot, and the store must not start on it.
 */
export function checkContainer(
  existing: ContainerDefinition,
  wanted: ContainerRequest & { id: string },
): ContainerFinding {
  const where = `Cosmos DB container ${wanted.id}`;
  const paths = existing.partitionKey?.paths ?? [];
  const wantedPaths = (wanted.partitionKey as { paths: string[] }).paths;
  if (paths.join(',') !== wantedPaths.join(','))
    return {
      kind: 'unusable',
      reason: `${where} has partition key ${paths.join(', ') || '(none)'}, the store needs ${wantedPaths.join(', ')}`,
    };
  if (
    (existing.partitionKey?.version ?? PartitionKeyDefinitionVersion.V1) !==
    PartitionKeyDefinitionVersion.V2
  )
    return {
      kind: 'unusable',
      reason: `${where} has partition key version 1, the store needs version 2 (large partition keys)`,
    };
  if (wanted.defaultTtl !== undefined && (existing.defaultTtl ?? null) === null)
    return {
      kind: 'unusable',
      reason: `${where} has time to live turned off, the store needs it on (default -1) so finished items expire`,
    };
  if (wanted.indexingPolicy && !sameIndexing(existing.indexingPolicy, wanted.indexingPolicy))
    return {
      kind: 'indexing',
      replacement: { ...existing, indexingPolicy: wanted.indexingPolicy },
    };
  return { kind: 'fine' };
}

/** The service adds the `_etag` exclusion and default orders itself; they are not differences. */
function sameIndexing(actual: IndexingPolicy | undefined, wanted: IndexingPolicy): boolean {
  if (!actual) return false;
  const normal = (policy: IndexingPolicy) =>
    JSON.stringify({
      mode: (policy.indexingMode ?? 'consistent').toLowerCase(),
      included: (policy.includedPaths ?? []).map((p) => p.path).sort(),
      excluded: (policy.excludedPaths ?? [])
        .map((p) => p.path)
        .filter((path) => path !== '/"_etag"/?')
        .sort(),
      composite: (policy.compositeIndexes ?? []).map((index) =>
        index.map((p) => `${p.path} ${(p.order ?? 'ascending').toLowerCase()}`).join(','),
      ),
    });
  return normal(actual) === normal(wanted);
}
