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
  const starting = startQmHjelp(config, { clock: systemClock, logger });

  // Stops taking requests and lets turns and sends under way finish, but never for longer than
  // SHUTDOWN_DEADLINE_MS: a hanging call or an unreachable store does not keep the process alive.
  // Listened for before the start has finished, so a signal that comes early is not lost.
  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal, deadlineMs: config.shutdownDeadlineMs }, 'shutting down');
    setTimeout(() => {
      logger.error(
        { deadlineMs: config.shutdownDeadlineMs },
        'work under way did not finish before the shutdown deadline; exiting',
      );
      process.exit(1);
    }, config.shutdownDeadlineMs);
    try {
      await (await starting).stop();
    } catch (error) {
      logger.error({ error: (error as Error).message }, 'shutdown failed; exiting');
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await starting;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Qm+ Hjelp could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
