import fs from 'node:fs';
import { systemClock } from '../src/clock';
import { ConfigError, loadConfig } from '../src/config';
import { createLogger } from '../src/logger';

/** `npm start`: the environment's configuration, the system clock, and a clean stop on a signal. */
async function main(): Promise<void> {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.logLevel, config.logFormat);
  // Loaded once the configuration is known to be good, so a mistake in it is reported at once.
  const { startQmHjelp } = await import('./start');
  const bot = await startQmHjelp(config, { clock: systemClock, logger });

  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'shutting down');
    await bot.stop();
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
