import fs from 'node:fs';
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { storeEnvironment, testStore } from './store-under-test';

/**
 * Everything a bot's store holds, as bytes: on SQLite the database file and its write-ahead log
 * as they lie on disk (free pages and old versions included); on Cosmos DB every document of
 * every container of its database, read through the SDK. What is not in here is not stored.
 */
export async function storedBytes(sqlitePath: string): Promise<Buffer> {
  if (testStore === 'sqlite') {
    const files = [sqlitePath, `${sqlitePath}-wal`].filter((file) => fs.existsSync(file));
    return Buffer.concat(files.map((file) => fs.readFileSync(file)));
  }
  const env = await storeEnvironment(sqlitePath);
  const client = new CosmosClient({
    endpoint: env.COSMOS_ENDPOINT ?? '',
    key: env.COSMOS_KEY ?? '',
    agent: new https.Agent({ rejectUnauthorized: false }),
  });
  try {
    const database = client.database(env.COSMOS_DATABASE ?? '');
    const { resources: containers } = await database.containers.readAll().fetchAll();
    const documents: unknown[] = [];
    for (const { id } of containers) {
      const { resources } = await database.container(id).items.readAll().fetchAll();
      documents.push(...resources);
    }
    return Buffer.from(JSON.stringify(documents), 'utf8');
  } finally {
    client.dispose();
  }
}

/** Which of `needles` the store still holds anywhere, written as they are or as JSON writes them. */
export async function foundInStore(
  sqlitePath: string,
  needles: readonly string[],
): Promise<string[]> {
  const bytes = await storedBytes(sqlitePath);
  return needles.filter((needle) =>
    [needle, JSON.stringify(needle).slice(1, -1), Buffer.from(needle).toString('base64url')].some(
      (form) => bytes.includes(Buffer.from(form, 'utf8')),
    ),
  );
}
