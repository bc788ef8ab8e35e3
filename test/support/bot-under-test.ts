/**
 * The bot as the conversation tests run it: the same start as `node dist/bot/main.js`, but with a
 * clock only the test process moves. Started with `fork` by `startBotUnderTest` (bot-server.ts);
 * it says `ready` over the IPC channel, and for each command it moves its clock, runs the work
 * that is due and answers `done` with its time. Nothing outside test/ can load this file.
 */
import { ManualClock } from '../../src/clock';
import { ConfigError, loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startQmHjelp } from '../../bot/start';
import type { BotCommand, BotReport } from './bot-messages';

function report(message: BotReport): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const startAt = process.argv[2];
  if (!startAt || !process.send) throw new Error('Start with fork(file, [clock start])');
  const clock = new ManualClock(startAt);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const bot = await startQmHjelp(config, { clock, logger });

  process.on('message', (command: BotCommand) => {
    void (async () => {
      if (command.at) clock.set(command.at);
      if (command.advanceMs) clock.advance(command.advanceMs);
      await bot.runDueWork();
      report({ type: 'done', id: command.id, now: clock.now().toISOString() });
    })();
  });
  const shutdown = async (): Promise<void> => {
    setTimeout(() => process.exit(1), config.shutdownDeadlineMs);
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  // The test process is gone: nobody will ever stop this one.
  process.once('disconnect', () => process.exit(0));
  report({ type: 'ready', url: bot.url, now: clock.now().toISOString() });
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : `Qm+ Hjelp could not start: ${(error as Error).stack ?? String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
