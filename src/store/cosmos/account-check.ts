import { ConsistencyLevel, type CosmosClient } from '@azure/cosmos';

/** Consistency levels at least as strong as Session, which the store's guarantees rely on. */
const strongEnough = new Set<string>([
  ConsistencyLevel.Strong,
  ConsistencyLevel.BoundedStaleness,
  ConsistencyLevel.Session,
]);

/**
 * What the account must provide: one write region (with several, two regions can both accept a
 * write with the same etag, the same counter value or the same id, and the store's conditional
 * writes no longer exclude each other) and Session consistency or stronger (a write is read back
 * by its writer). Returns why the account is not fit, or undefined when it is.
 */
export async function accountUnfit(client: CosmosClient): Promise<string | undefined> {
  const { resource: account } = await client.getDatabaseAccount();
  if (!account) return 'the account did not describe itself';
  if (account.enableMultipleWritableLocations)
    return 'the account accepts writes in several regions; the store needs a single write region (turn off multi-region writes)';
  if (!strongEnough.has(account.consistencyPolicy))
    return `the account's default consistency is ${account.consistencyPolicy}; the store needs Session or stronger`;
  return undefined;
}
