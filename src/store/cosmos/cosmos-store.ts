import https from 'node:https';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Store } from '../ports';
import { StoreConnectionError } from '../errors';
import { containers } from './containers';
import { Counters } from './counters';
import { statusOf } from './documents';
import { CosmosInquiryRepository } from './inquiries';
import { CosmosOrganisationRepository } from './organisation';
import { CosmosOutboxRepository } from './outbox';
import {
  CosmosConversationRepository,
  CosmosDraftRepository,
  CosmosProfileRepository,
  CosmosStateRepository,
} from './small-repositories';

export interface CosmosStoreOptions {
  endpoint: string;
  /** Account key; without one the store signs in with `DefaultAzureCredential` (Entra identity). */
  key?: string;
  database: string;
  /** Accept a self-signed certificate (local emulator, tests). */
  allowSelfSigned?: boolean;
  /** Largest page a query asks for. */
  pageSize?: number;
  /** How long one request may take before the client gives up on it. */
  requestTimeoutMs?: number;
  /** How often `lease` looks for notifications an interrupted write left on an inquiry, and their age. */
  sweepEveryMs?: number;
  sweepAfterMs?: number;
}

/**
 * Opens the Cosmos DB store: creates the database and containers when missing, and fails with a
 * clear message when the account cannot be reached or refuses the credentials. Throttling (429,
 * honouring the server's retry-after), and 503s and timeouts on reads, are retried by the SDK.
 */
export async function openCosmosStore(options: CosmosStoreOptions): Promise<Store> {
  const client = new CosmosClient({
    endpoint: options.endpoint,
    ...(options.key ? { key: options.key } : { aadCredentials: new DefaultAzureCredential() }),
    ...(options.allowSelfSigned ? { agent: new https.Agent({ rejectUnauthorized: false }) } : {}),
    connectionPolicy: {
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      retryOptions: {
        maxRetryAttemptCount: 9,
        fixedRetryIntervalInMilliseconds: 0,
        maxWaitTimeInSeconds: 30,
      },
    },
    userAgentSuffix: 'qm-hjelp',
  });
  let opened: Record<keyof typeof containers, Container>;
  try {
    opened = await ensureContainers(client, options.database);
  } catch (error) {
    client.dispose();
    throw connectionError(options, error);
  }
  const pageSize = options.pageSize ?? 100;
  const counters = new Counters(opened.inquiries);
  const outbox: CosmosOutboxRepository = new CosmosOutboxRepository(opened.outbox, counters, {
    pageSize,
    sweep: (olderThan) => inquiries.moveStranded(olderThan),
    sweepEveryMs: options.sweepEveryMs ?? 10_000,
    sweepAfterMs: options.sweepAfterMs ?? 10_000,
  });
  const inquiries = new CosmosInquiryRepository(opened.inquiries, counters, outbox, pageSize);
  return {
    organisation: new CosmosOrganisationRepository(
      opened.organisation,
      new Counters(opened.organisation),
      pageSize,
    ),
    inquiries,
    outbox,
    profiles: new CosmosProfileRepository(opened.state),
    drafts: new CosmosDraftRepository(opened.state),
    conversations: new CosmosConversationRepository(opened.state),
    state: new CosmosStateRepository(opened.state),
    close: () => {
      client.dispose();
      return Promise.resolve();
    },
  };
}

async function ensureContainers(
  client: CosmosClient,
  databaseId: string,
): Promise<Record<keyof typeof containers, Container>> {
  const database = await ensureDatabase(client, databaseId);
  const entries = await Promise.all(
    Object.entries(containers).map(async ([name, definition]) => {
      try {
        const { container } = await raced(() => database.containers.createIfNotExists(definition));
        return [name, container] as const;
      } catch (error) {
        // An Entra identity with data-plane roles may use containers but not create them.
        if (statusOf(error) !== 403) throw error;
        const container = database.container(definition.id);
        const { statusCode } = await container.read();
        if (statusCode === 404) throw missing(`container ${definition.id}`, error);
        return [name, container] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof containers, Container>;
}

async function ensureDatabase(client: CosmosClient, id: string): Promise<Database> {
  try {
    return (await raced(() => client.databases.createIfNotExists({ id }))).database;
  } catch (error) {
    if (statusOf(error) !== 403) throw error;
    const database = client.database(id);
    const { statusCode } = await database.read();
    if (statusCode === 404) throw missing(`database ${id}`, error);
    return database;
  }
}

/** Instances starting together may race to create the same thing; the loser finds it made. */
async function raced<T>(create: () => Promise<T>): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await create();
    } catch (error) {
      if (statusOf(error) !== 409 || round >= 3) throw error;
    }
  }
}

class MissingResource extends Error {}

function missing(what: string, cause: unknown): MissingResource {
  return new MissingResource(
    `The ${what} does not exist and this identity may not create it. Create it as docs/cosmos.md ` +
      'describes (partition key /pk), or give the bot a key.',
    { cause },
  );
}

function connectionError(options: CosmosStoreOptions, error: unknown): StoreConnectionError {
  const where = `Cosmos DB at ${options.endpoint} (database ${options.database})`;
  const status = statusOf(error);
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  if (error instanceof MissingResource)
    return new StoreConnectionError(`Cannot use ${where}: ${error.message}`, { cause: error });
  if (status === 401)
    return new StoreConnectionError(
      `${where} refused the key (401). Check COSMOS_KEY${options.key ? '' : ' or the Entra identity'}.`,
      { cause: error },
    );
  if (status === 403)
    return new StoreConnectionError(
      `${where} refused access (403): ${reason}. Check the key, the identity's data-plane role, or the account's firewall.`,
      { cause: error },
    );
  if (status === undefined)
    return new StoreConnectionError(
      `Cannot reach ${where}: ${reason}. Check COSMOS_ENDPOINT and the network` +
        (!options.allowSelfSigned && /certificate/i.test(reason)
          ? '; a local emulator with its own certificate needs COSMOS_ALLOW_SELF_SIGNED=on.'
          : '.'),
      { cause: error },
    );
  return new StoreConnectionError(`Cannot open ${where} (${status}): ${reason}`, { cause: error });
}
