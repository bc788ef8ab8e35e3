import fs from 'node:fs';
import path from 'node:path';
import { playgroundTenantId, type Config } from '../src/config';
import type { Logger } from '../src/logger';
import { parseOrganisation } from '../src/org/validate';
import type { Store } from '../src/store/ports';
import { playgroundConfig, startPlayground, writePlaygroundConfig } from './playground';

/**
 * Local mode: starts the Agents Playground, a Teams emulator in the browser, with the sample
 * organisation's people as its users, pointed at this bot.
 */
export async function startLocalPlayground(options: {
  config: Config;
  store: Store;
  logger: Logger;
}): Promise<{ stop(): void } | undefined> {
  const { config, logger } = options;
  const parsed = parseOrganisation(await fs.promises.readFile(config.orgFile, 'utf8'));
  if (!parsed.ok) return undefined;
  const configPath = path.resolve(path.dirname(config.store.sqlitePath), 'playground.yml');
  writePlaygroundConfig(
    configPath,
    playgroundConfig(parsed.org, {
      tenantId: playgroundTenantId,
      botId: 'qm-hjelp',
      botName: 'Qm+ Hjelp',
    }),
  );
  return startPlayground({
    botEndpoint: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/api/messages`,
    port: config.playground.port,
    configPath,
    timeZone: parsed.org.calendar === '24/7' ? 'Europe/Oslo' : parsed.org.calendar.timeZone,
    logger,
  });
}
