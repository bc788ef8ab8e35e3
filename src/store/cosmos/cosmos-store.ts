import https from 'node:https';
import {
  CosmosClient,
  StatusCodes,
  type Container,
  type ContainerDefinition,
  type Database,
} from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { createLogger, type Logger } from '../../logger';
import type { Store } from '../ports';
import { StoreConnectionError } from '../errors';
import { accountUnfit } from './account-check';
import { defaultBulkPace, type BulkPace } from './bulk';
import { checkContainer } from './container-check';
import { containers } from './containers';
import { Counters, NumberBlocks } from './counters';
import { logRefusals, statusOf } from './cosmos-errors';
import { queryPages } from './documents';
import { isEarlierSchemeId } from './ids';
import { CosmosAuditRepository } from './audit';
import { CosmosInquiryRepository } from './inquiries';
import { CosmosKnowledgeRepository } from './knowledge';
import { CosmosOrganisationRepository } from './organisation';
import { CosmosOutboxRepository } from './outbox';
import {
  CosmosAbsenceRepository,
  CosmosConversationRepository,
  CosmosDraftRepository,
  CosmosProfileRepository,
  CosmosStateRepository,
} from './small-repositories';

/** How long closing the store waits for notifications still moving into the outbox. */
const closeWaitsForMovesMs = 5_000;

/**
 * Inquiry numbers an instance takes with one request: a question's turn then rarely waits for the
 * counter, and a restart or a second instance leaves at most this many unused.
 */
const numberBlock = 10;

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
  /** How fast an organisation import writes; by default 500 documents a second, 100 a call. */
  bulkPace?: BulkPace;
  /** Where refusals (wrong key, missing role, invalid request) and lost moves are logged. */
  logger?: Logger;
  /**
   * A clock in milliseconds, for how old a remembered read is (a reading that goes back makes it
   * count as too old); by default the process's monotonic clock.
   */
  monotonicMs?: () => number;
}

/**
 * Opens the Cosmos DB store. At start it checks the account (one write region, Session consistency
 * or stronger), creates the database and containers when missing, checks each container (puts a
 * different indexing policy right, refuses a different partition key, partition key version 1 or
 * TTL turned off) and refuses a database written under the earlier id scheme; it fails with one
 * clear line when any of this is wrong or the account cannot be reached or refuses the
 * credentials. Throttling (429, honouring the server's retry-after), and 503s and timeouts on
 * reads, are retried by the SDK.
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
  const logger = options.logger ?? createLogger('info');
  let opened: Record<keyof typeof containers, Container>;
  try {
    const unfit = await accountUnfit(client);
    if (unfit) throw new UnfitStore(unfit);
    opened = await ensureContainers(client, options.database);
    await refuseEarlierIds(opened);
  } catch (error) {
    client.dispose();
    throw connectionError(options, error);
  }
  const pageSize = options.pageSize ?? 100;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const counters = new Counters(opened.inquiries);
  const outbox: CosmosOutboxRepository = new CosmosOutboxRepository(opened.outbox, counters, {
    pageSize,
    sweep: (olderThan) => inquiries.moveStranded(olderThan),
    movesSettled: () => inquiries.movesSettled(),
    sweepEveryMs: options.sweepEveryMs ?? 10_000,
    sweepAfterMs: options.sweepAfterMs ?? 10_000,
  });
  const inquiries = new CosmosInquiryRepository(
    opened.inquiries,
    new NumberBlocks(counters, numberBlock),
    outbox,
    pageSize,
    logger,
  );
  try {
    await inquiries.copyQueriedFields();
    await inquiries.listWaitingReplies();
  } catch (error) {
    client.dispose();
    throw connectionError(options, error);
  }
  const organisation = new CosmosOrganisationRepository(
    opened.organisation,
    new Counters(opened.organisation),
    pageSize,
    options.bulkPace ?? defaultBulkPace,
    logger,
    monotonicMs,
  );
  const absences = new CosmosAbsenceRepository(opened.state, monotonicMs);
  const knowledge = new CosmosKnowledgeRepository(
    opened.knowledge,
    new Counters(opened.knowledge),
    pageSize,
    monotonicMs,
  );
  return {
    organisation: logRefusals(organisation, logger, 'organisation'),
    audit: logRefusals(
      new CosmosAuditRepository(opened.audit, new Counters(opened.audit), pageSize),
      logger,
      'audit',
    ),
    inquiries: logRefusals(inquiries, logger, 'inquiries'),
    outbox: logRefusals(outbox, logger, 'outbox'),
    profiles: logRefusals(new CosmosProfileRepository(opened.state), logger, 'profiles'),
    drafts: logRefusals(new CosmosDraftRepository(opened.state), logger, 'drafts'),
    absences: logRefusals(absences, logger, 'absences'),
    conversations: logRefusals(
      new CosmosConversationRepository(opened.state),
      logger,
      'conversations',
    ),
    state: logRefusals(new CosmosStateRepository(opened.state), logger, 'state'),
    knowledge: logRefusals(knowledge, logger, 'knowledge'),
    purgeRemoved: () => Promise.resolve(),
    refreshRemembered: async () => {
      await Promise.all([
        organisation.refreshRecentVersion(),
        knowledge.refreshEntriesMarker(),
        absences.refreshForRouting(),
      ]);
    },
    close: async () => {
      // Notifications whose move is cut short here wait on their inquiry for the next sweep.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        inquiries.movesSettled(),
        new Promise((resolve) => (timer = setTimeout(resolve, closeWaitsForMovesMs))),
      ]);
      clearTimeout(timer);
      client.dispose();
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
      let container: Container;
      let found: ContainerDefinition | undefined;
      try {
        ({ container, resource: found } = await raced(() =>
          database.containers.createIfNotExists(definition),
        ));
      } catch (error) {
        // An Entra identity with data-plane roles may use containers but not create them.
        if (statusOf(error) !== StatusCodes.Forbidden) throw error;
        container = database.container(definition.id);
        const { statusCode, resource } = await container.read();
        if (statusCode === StatusCodes.NotFound) throw missing(`container ${definition.id}`, error);
        found = resource;
      }
      if (!found) throw missing(`container ${definition.id}`, undefined);
      await putRight(container, found, definition);
      return [name, container] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof containers, Container>;
}

async function ensureDatabase(client: CosmosClient, id: string): Promise<Database> {
  try {
    return (await raced(() => client.databases.createIfNotExists({ id }))).database;
  } catch (error) {
    if (statusOf(error) !== StatusCodes.Forbidden) throw error;
    const database = client.database(id);
    const { statusCode } = await database.read();
    if (statusCode === StatusCodes.NotFound) throw missing(`database ${id}`, error);
    return database;
  }
}

/** Instances starting together may race to create the same thing; the loser finds it made. */
async function raced<T>(create: () => Promise<T>): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await create();
    } catch (error) {
      if (statusOf(error) !== StatusCodes.Conflict || round >= 3) throw error;
    }
  }
}

/**
 * Compares the container as the service describes it with what the store needs, puts right what
 * differs and can be changed (the indexing policy), and refuses what cannot (see `checkContainer`).
 */
async function putRight(
  container: Container,
  found: ContainerDefinition,
  definition: (typeof containers)[keyof typeof containers],
): Promise<void> {
  const finding = checkContainer(found, definition);
  if (finding.kind === 'unusable')
    throw new UnfitStore(`${finding.reason}; create it as docs/cosmos.md describes`);
  if (finding.kind === 'fine') return;
  try {
    await container.replace(finding.replacement);
  } catch (error) {
    if (statusOf(error) !== StatusCodes.Forbidden) throw error;
    throw new UnfitStore(
      `Cosmos DB container ${definition.id} has another indexing policy and this identity may not change it; ` +
        'set it as docs/cosmos.md describes, or give the bot a key',
    );
  }
}

/**
 * Documents written under the earlier id scheme (`kind|percent-encoded key`) cannot be read under
 * the current one, and some of them not at all on the service. A database the bot has used holds
 * the counter of organisation generations, whose id shows the scheme: one indexed query of a
 * document or two.
 */
async function refuseEarlierIds(opened: Record<keyof typeof containers, Container>): Promise<void> {
  let earlier = false;
  await queryPages<{ id: string }>(
    opened.organisation,
    'query of organisation counters',
    { query: "SELECT c.id FROM c WHERE c.type = 'counter'", parameters: [] },
    { pageSize: 100 },
    (page) => {
      earlier = page.some((doc) => isEarlierSchemeId(doc.id));
      return !earlier;
    },
  );
  if (earlier)
    throw new UnfitStore(
      'the database holds documents written under the earlier id scheme, which this version cannot read; ' +
        'start on a new database (COSMOS_DATABASE) and import the organisation again, as docs/cosmos.md describes',
    );
}

class MissingResource extends Error {}

/** The account or a container is not as the store needs it; the message says what differs. */
class UnfitStore extends Error {}

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
  if (error instanceof MissingResource || error instanceof UnfitStore)
    return new StoreConnectionError(`Cannot use ${where}: ${error.message}`, { cause: error });
  if (status === StatusCodes.Unauthorized)
    return new StoreConnectionError(
      `${where} refused the key (401). Check COSMOS_KEY${options.key ? '' : ' or the Entra identity'}.`,
      { cause: error },
    );
  if (status === StatusCodes.Forbidden)
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
