import fs from 'node:fs';
import { hostname } from 'node:os';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { systemClock } from '../src/clock';
import { ConfigError, loadConfig } from '../src/config';
import { uuidGenerator } from '../src/ids';
import { createLogger } from '../src/logger';
import { formatOrgErrors, importIfEmpty } from '../src/org/import';
import { DirectoryProvider } from '../src/org/provider';
import { openStore } from '../src/store/open-store';
import { createApp } from './app';
import { reportTurnError } from './handlers/turn-error';
import { OutboxWorker } from './delivery/outbox-worker';
import { EscalationScheduler } from '../src/escalation/scheduler';
import { defaultRetryPolicy } from './delivery/retry-policy';
import { TeamsSender } from './delivery/teams-sender';
import { startLocalPlayground } from './local-playground';
import { startServer } from './server';

/** Wiring only: configuration → store → organisation → Teams app → server → workers. */
async function main(): Promise<void> {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const clock = systemClock;
  const store = await openStore(config.store);

  const imported = await importIfEmpty(store, fs.readFileSync(config.orgFile, 'utf8'), clock);
  if (imported && !imported.ok) {
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

  const adapter = new TeamsAdapter({
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
  });
  adapter.onTurnError = (context, error) => reportTurnError(context, error, logger);

  const worker = new OutboxWorker({
    store,
    directories,
    sender: new TeamsSender(adapter, config.bot.appId),
    clock,
    tenantId: config.tenants[0],
    ...(config.teamsServiceUrl ? { serviceUrl: config.teamsServiceUrl } : {}),
    logger,
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
    ids: uuidGenerator,
    directories,
    logger,
    notify: () => worker.kick(),
  });
  const server = await startServer({
    port: config.port,
    host: config.host,
    adapter,
    app,
    store,
    logger,
    tenants: config.tenants,
  });
  worker.start();
  scheduler.start();
  const url = `http://${config.host}:${config.port}`;
  logger.info({ url, localMode: config.localMode }, 'Qm+ Hjelp is listening');
  const playground = config.playground.enabled
    ? await startLocalPlayground({ config, store, logger })
    : undefined;

  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'shutting down');
    playground?.stop();
    server.close();
    await scheduler.stop();
    await worker.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Qm+ Hjelp could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
