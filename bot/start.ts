import { reportLinkKey } from '../src/reports/report-link';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { hostname } from 'node:os';
import type { Clock } from '../src/clock';
import type { Config } from '../src/config';
import { EscalationScheduler } from '../src/escalation/scheduler';
import { uuidGenerator, type IdGenerator } from '../src/ids';
import type { Logger } from '../src/logger';
import { DirectoryProvider } from '../src/org/provider';
import { KnowledgeIndex } from '../src/knowledge/knowledge-index';
import { Periodic } from '../src/periodic';
import { openStore } from '../src/store/open-store';
import { withWebhookEvents } from '../src/webhook/queued-events';
import { sharedMarkerReadAgeMs, type Store } from '../src/store/ports';
import { BotAdapter, botFrameworkSettings } from './adapter';
import { createApp } from './app';
import { checkTeamsSetupNow } from './delivery/roster';
import { OutboxWorker } from './delivery/outbox-worker';
import { defaultRetryPolicy } from './delivery/retry-policy';
import { TeamsSender } from './delivery/teams-sender';
import { loadKnowledgeFile } from './knowledge-file';
import { reportTurnError } from './handlers/turn-error';
import { readiness } from './health';
import { startLocalPlayground, type LocalPlaygrounds } from './local-playground';
import { addReportCsvRoute } from './http/report-csv';
import { defaultBodyLimits, startServer } from './server';
import { listenFailure, orgFileFailure, sqliteFailure } from './start-up-errors';
import { bringOrganisationIn } from './organisation-at-start';
import { addExportDownload } from './http/export-download';
import { logPseudonymiser, privacyKeys } from '../src/privacy/keys';
import { withPersonPseudonyms } from '../src/privacy/log-pseudonyms';
import { applyRetention } from '../src/privacy/retention';

/** What the bot is given rather than making itself: time, ids and where it logs. */
export interface Collaborators {
  clock: Clock;
  logger: Logger;
  ids?: IdGenerator;
}

/** A running bot. */
export interface RunningBot {
  /** Where it listens, with the port it got (`PORT=0` asks for any free one). */
  url: string;
  /**
   * Takes the escalation steps due now, then sends every notification due now; resolves when both
   * runs have ended. The workers also run on their own, on their intervals and when a turn queues
   * something.
   */
  runDueWork(): Promise<void>;
  /** Stops taking requests, lets the workers finish their runs, and closes the store. */
  stop(): Promise<void>;
}

/** Opens the configured store; a SQLite file that cannot be opened is a setting to fix. */
async function openConfiguredStore(config: Config, logger: Logger, clock: Clock): Promise<Store> {
  // How old a remembered read is, by the bot's clock (which tests move).
  const monotonicMs = () => clock.now().getTime();
  if (config.store.kind !== 'sqlite') return openStore(config.store, logger, monotonicMs);
  try {
    return await openStore(config.store, logger);
  } catch (error) {
    throw sqliteFailure(error, config.store.sqlitePath);
  }
}

/** How long `/readyz` waits for the store before it counts as unreachable. */
const readinessStoreTimeoutMs = 3000;

/** Wiring only: configuration → store → organisation → Teams app → server → workers. */
export async function startQmHjelp(
  config: Config,
  collaborators: Collaborators,
): Promise<RunningBot> {
  const { clock } = collaborators;
  // One secret for every signed link and placeholder, a key derived from it for each use.
  const signingRoot = config.links.signingSecret ?? randomBytes(32);
  const logger = withPersonPseudonyms(collaborators.logger, logPseudonymiser(signingRoot));
  // Read before the store is opened: a missing file is a mistake even when the store already
  // holds an organisation.
  let orgText: string | undefined;
  if (config.orgFile) {
    try {
      orgText = await fs.promises.readFile(config.orgFile, 'utf8');
    } catch (error) {
      throw orgFileFailure(error, config.orgFile);
    }
  }
  const opened = await openConfiguredStore(config, logger, clock);
  // Every inquiry event is queued for the webhooks in the same write that stores it.
  const store = config.webhook ? withWebhookEvents(opened, config.webhook.urls) : opened;

  const ids = collaborators.ids ?? uuidGenerator;
  await bringOrganisationIn(config.orgFile, orgText, { store, clock, ids }, logger).catch(
    async (error: unknown) => {
      await store.close();
      throw error;
    },
  );
  const directories = new DirectoryProvider(store.organisation);
  try {
    await loadKnowledgeFile(config, store, directories, clock, logger);
  } catch (error) {
    await store.close();
    throw error;
  }
  const knowledge = new KnowledgeIndex(store.knowledge);
  await knowledge.refresh();
  const knowledgeRefresh = new Periodic(
    () => knowledge.refresh(),
    config.knowledgeRefreshMs,
    (error) => logger.error({ error: (error as Error).message }, 'knowledge index refresh failed'),
  );
  // What other instances change (the organisation, knowledge entries, absences) is read here,
  // twice within the age a turn accepts, so that a person's turn does not read it.
  const rememberedRefresh = new Periodic(
    () => store.refreshRemembered(),
    sharedMarkerReadAgeMs / 2,
    (error) => logger.warn({ error: (error as Error).message }, 'shared data refresh failed'),
  );

  const adapter = new BotAdapter(botFrameworkSettings(config.bot));
  adapter.onTurnError = (context, error) => reportTurnError(context, error, logger);

  // Local mode: the Playground that shows the triage channel, once it is running.
  const local: { playgrounds?: LocalPlaygrounds } = {};
  const sender = new TeamsSender(adapter, config.bot.appId, config.teamsCallTimeoutMs);
  const teams = {
    store,
    directories,
    sender,
    clock,
    tenantId: config.tenants[0],
    ...(config.teamsServiceUrl ? { serviceUrl: config.teamsServiceUrl } : {}),
    localServiceUrl: (personKey?: string) => local.playgrounds?.serviceUrl(personKey),
    logger,
    knowledge,
    ...(config.webhook ? { webhook: config.webhook } : {}),
  };
  const worker = new OutboxWorker({
    ...teams,
    owner: `${hostname()}:${process.pid}`,
    intervalMs: config.outboxIntervalMs,
    leaseMs: config.outboxLeaseMs,
    concurrency: config.outboxConcurrency,
    retryPolicy: { ...defaultRetryPolicy, baseDelayMs: config.outboxRetryBaseMs },
  });
  // Known once the server listens (`PORT=0` picks the port), unless BOT_DOMAIN says where.
  const listening: { url?: string } = {};
  if (!config.links.signingSecret && !config.localMode)
    logger.warn(
      {},
      'SIGNING_SECRET is not set: export links work only on this instance until it stops, and redacted inquiries and the people named in the log get placeholders of their own',
    );
  const privacy = privacyKeys(signingRoot, () => config.links.publicUrl ?? listening.url ?? '');
  const scheduler = new EscalationScheduler({
    store,
    directories,
    clock,
    logger,
    intervalMs: config.schedulerIntervalMs,
    notify: () => worker.kick(),
    housekeeping: async () => {
      const directory = await directories.current();
      const removed = await applyRetention(store, {
        now: clock.now(),
        retainFor: directory.snapshot.structure.retainFinishedFor,
        pseudonymise: privacy.pseudonymise,
      });
      if (removed.inquiries + removed.drafts + removed.notifications + removed.conflicts > 0)
        logger.info({ ...removed }, 'retention applied');
    },
  });
  // Report download links: offered where they can work, with SIGNING_SECRET (the same on every
  // instance) and BOT_DOMAIN, or in local mode at the address the server listens on.
  const reportSecret = reportLinkKey(signingRoot);
  const reportLinks = () => {
    const baseUrl = config.links.publicUrl ?? (config.localMode ? listening.url : undefined);
    return baseUrl && (config.links.signingSecret || config.localMode)
      ? { secret: reportSecret, baseUrl }
      : undefined;
  };
  const app = createApp({
    adapter,
    botAppId: config.bot.appId,
    store,
    clock,
    ids,
    directories,
    knowledge,
    logger,
    notify: () => worker.kick(),
    teamsSetup: () => checkTeamsSetupNow(teams),
    reportLinks,
    privacy,
    localMode: config.localMode,
  });
  const server = await startServer({
    port: config.port,
    host: config.host,
    adapter,
    app,
    clock,
    logger,
    readiness: () =>
      readiness({
        store,
        clock,
        scheduler,
        outbox: worker,
        maxOutboxAgeMs: config.readyOutboxMaxAgeMs,
        callTimeoutMs: config.teamsCallTimeoutMs,
        storeTimeoutMs: readinessStoreTimeoutMs,
      }),
    bodyLimits: { ...defaultBodyLimits, timeoutMs: config.requestBodyTimeoutMs },
    ...(config.playground.enabled ? { playgroundLocale: config.playground.locale } : {}),
    tenants: config.tenants,
    turnIds: uuidGenerator,
    routes: [
      (server) =>
        addReportCsvRoute(server, {
          store,
          directories,
          clock,
          logger,
          secret: () => reportSecret,
        }),
      (server) =>
        addExportDownload(server, {
          store,
          directories,
          clock,
          ids,
          logger,
          linkKey: privacy.linkKey,
          pseudonymise: privacy.pseudonymise,
        }),
    ],
  }).catch(async (error: unknown) => {
    await store.close();
    throw listenFailure(error, config.host, config.port);
  });
  worker.start();
  scheduler.start();
  knowledgeRefresh.start();
  rememberedRefresh.start();
  const { port } = server.address();
  const url = `http://${config.host}:${port}`;
  listening.url = url;
  logger.info({ url, port, localMode: config.localMode }, 'Qm+ Hjelp is listening');
  local.playgrounds = config.playground.enabled
    ? await startLocalPlayground({ config: { ...config, port }, logger })
    : undefined;

  return {
    url,
    async runDueWork() {
      await scheduler.runNow();
      await worker.runNow();
    },
    async stop() {
      local.playgrounds?.stop();
      // No new connections; the turns under way finish (idle keep-alive connections are closed).
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      await scheduler.stop();
      await knowledgeRefresh.stop();
      await rememberedRefresh.stop();
      await worker.stop();
      await closed;
      await store.close();
    },
  };
}
