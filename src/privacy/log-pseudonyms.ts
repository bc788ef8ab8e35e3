import type { Logger } from '../logger';
import type { Pseudonymise } from './pseudonym';

/** Log fields that name a person by their key (their email address). */
const personFields = ['actor', 'person'] as const;

/**
 * The logger every part of the bot logs through: a person named in a log line (`actor`, `person`)
 * is written as their pseudonym, never as their key or address, so the log holds no personal
 * data at any level while lines about the same person still go together.
 */
export function withPersonPseudonyms(logger: Logger, pseudonymise: Pseudonymise): Logger {
  const asPseudonym = (value: unknown): unknown =>
    typeof value === 'string' ? pseudonymise(value.toLowerCase()) : value;
  return logger.child(
    {},
    { serializers: Object.fromEntries(personFields.map((field) => [field, asPseudonym])) },
  );
}
