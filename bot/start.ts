import fs from 'node:fs';
import { hostname } from 'node:os';
import type { Clock } from '../src/clock';
import { ConfigError, type Config } from '../src/config';
import { EscalationScheduler } from '../src/escalation/scheduler';
import { uuidGenerator, type IdGenerator } from '../src/ids';
import type { Logger } from '../src/logger';
import { formatOrgErrors, importIfEmpty } from '../src/org/import';
import { DirectoryProvider } from '../src/org/provider';
import { KnowledgeIndex } from '../src/knowledge/knowledge-index';
import { Periodic } from '../src/periodic';
import { openStore } from '../src/store/open-store';
import { BotAdapter, botFrameworkSettings } from './adapter';
import { createApp } from './app';
import { OutboxWorker } from './delivery/outbox-worker';
import { defaultRetryPolicy } from './delivery/retry-policy';
import { TeamsSender } from './delivery/teams-sender';
import { loadKnowledgeFile } from './knowledge-file';
import { reportTurnError } from './handlers/turn-error';
import { startLocalPlayground } from './local-playground';
import { defaultBodyLimits, startServer } from './server';

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

/** Wiring only: configuration → store → organisation → Teams app → server → workers. */
export async function startQmHjelp(
  config: Config,
  collaborators: Collaborators,
): Promise<RunningBot> {
  const { clock, logger } = collaborators;
  const store = await openStore(config.store, logger);

  const imported = await importIfEmpty(store, fs.readFileSync(config.orgFile, 'utf8'), clock);
  if (imported && !imported.ok) {
    await store.close();
    throw new ConfigError(
      `The organisation file ${config.orgFile} is invalid:\n${formatOrgErrors(imported.errors)}`,
    );
  }
  if (imported?.ok)
    logger.info(
      { file: config.orgFile, version: imported.snapshot.version },
      'organisation imported',
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

  const adapter = new BotAdapter(botFrameworkSettings(config.bot));
  adapter.onTurnError = (context, error) => reportTurnError(context, error, logger);

  const worker = new OutboxWorker({
    store,
    directories,
    sender: new TeamsSender(adapter, config.bot.appId),
    clock,
    tenantId: config.tenants[0],
    ...(config.teamsServiceUrl ? { serviceUrl: config.teamsServiceUrl } : {}),
    logger,
    knowledge,
    owner: `${hostname()}:${process.pid}`,
    intervalMs: config.outboxIntervalMs,
    leaseMs: config.outboxLeaseMs,
    retryPolicy: { ...defaultRetryPolicy, baseDelayMs: config.outboxRetryBaseMs },
  });
  const scheduler = new EscalationScheduler({
    store,
    directories,
    clock,
    logger,
    intervalMs: config.schedulerIntervalMs,
    notify: () => worker.kick(),
  });
  const app = createApp({
    adapter,
    botAppId: config.bot.appId,
    store,
    clock,
    ids: collaborators.ids ?? uuidGenerator,
    directories,
    knowledge,
    logger,
    notify: () => worker.kick(),
  });
  const server = await startServer({
    port: config.port,
    host: config.host,
    adapter,
    app,
    store,
    clock,
    logger,
    bodyLimits: { ...defaultBodyLimits, timeoutMs: config.requestBodyTimeoutMs },
    ...(config.playground.enabled ? { playgroundLocale: config.playground.locale } : {}),
    tenants: config.tenants,
  });
  worker.start();
  scheduler.start();
  knowledgeRefresh.start();
  const { port } = server.address();
  const url = `http://${config.host}:${port}`;
  logger.info({ url, port, localMode: config.localMode }, 'Qm+ Hjelp is listening');
  const playground = config.playground.enabled
    ? await startLocalPlayground({ config: { ...config, port }, store, logger })
    : undefined;

  return {
    url,
    async runDueWork() {
      await scheduler.runNow();
      await worker.runNow();
    },
    async stop() {
      playground?.stop();
      server.close();
      await scheduler.stop();
      await knowledgeRefresh.stop();
      await worker.stop();
      await store.close();
    },
  };
}
