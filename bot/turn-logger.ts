import type { TurnContext } from 'botbuilder';
import type { Logger } from '../src/logger';

/** Where a turn keeps its logger, whose lines all carry the turn's id. */
const turnLoggerKey = Symbol('qm-hjelp turn logger');

/** Gives the turn the logger for its lines (a child with its turn id). */
export function setTurnLogger(context: TurnContext, logger: Logger): void {
  context.turnState.set(turnLoggerKey, logger);
}

/** The turn's logger, or `fallback` outside a turn the server started. */
export function turnLogger(context: TurnContext, fallback: Logger): Logger {
  const logger: unknown = context.turnState.get(turnLoggerKey);
  return logger === undefined ? fallback : (logger as Logger);
}
