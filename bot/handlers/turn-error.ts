import type { TurnContext } from 'botbuilder';
import { localeFrom, messages } from '../../src/i18n';
import type { Logger } from '../../src/logger';
import { isStoreUnavailable } from '../../src/store/errors';
import { turnLogger } from '../turn-logger';

/**
 * The last resort when a turn fails: log it and, for a chat message, tell the person in their
 * language that nothing they sent is lost.
 */
export async function reportTurnError(
  context: TurnContext,
  error: unknown,
  logger: Logger,
): Promise<void> {
  turnLogger(context, logger).error(
    { err: error, activityType: context.activity.type },
    'turn failed',
  );
  if (context.activity.type !== 'message') return;
  const t = messages(localeFrom(context.activity.locale));
  const text = isStoreUnavailable(error) ? t.errors.storeUnavailable : t.errors.generic;
  await context.sendActivity(text).catch(() => undefined);
}
