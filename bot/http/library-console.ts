import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import type { Logger } from '../../src/logger';

/** The logger of the call under way whose library output goes to the log. */
const quieted = new AsyncLocalStorage<Logger>();

/** Marks the console once its `error` goes through `quieted`, so it is wrapped only once. */
const wrapped = Symbol.for('qm-hjelp.library-console');

function wrapConsoleError(): void {
  // The one place the bot touches the console, and only to take output away from it.
  const target = globalThis.console as Console & { [wrapped]?: true };
  if (target[wrapped]) return;
  const original = target.error.bind(target);
  target.error = (...args: unknown[]): void => {
    const logger = quieted.getStore();
    if (logger === undefined) {
      original(...args);
      return;
    }
    logger.debug({ said: format(...args).split('\n')[0] }, 'library output');
  };
  target[wrapped] = true;
}

/**
 * Runs `call` with what a library writes to `console.error` meanwhile sent to `logger` at debug
 * level, as one line, instead of to stderr. botframework-connector writes there when it refuses a
 * token (the signing key over several lines, or an expired token's stack trace); the refusal is
 * already one log line of ours. Other calls' `console.error` is left as it is: which call a line
 * comes from follows the async context, not the time it is written.
 */
export function withLibraryConsoleInLog<T>(logger: Logger, call: () => Promise<T>): Promise<T> {
  wrapConsoleError();
  return quieted.run(logger, call);
}
