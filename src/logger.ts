import pino from 'pino';
import pretty from 'pino-pretty';

export type Logger = pino.Logger;

export type LogFormat = 'json' | 'pretty';

/**
 * Logs on stdout: JSON lines in production, for a log service to parse; in local mode, one
 * readable line each in local time, for a person at a terminal.
 */
export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const options = { level, base: { app: 'qm-hjelp' } };
  if (format === 'json') return pino(options);
  return pino(
    options,
    pretty({
      colorize: process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,app',
      singleLine: true,
      sync: true,
    }),
  );
}
