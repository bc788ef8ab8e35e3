import type { Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Clock } from '../../src/clock';
import type { Logger } from '../../src/logger';
import type { BotAdapter } from '../adapter';
import { withLibraryConsoleInLog } from './library-console';

export type AuthenticationOutcome =
  { ok: true; authentication: AuthenticateRequestResult } | { ok: false };

/** How long a failure to fetch the signing keys is remembered before they are fetched again. */
export const keysUnavailableMs = 30_000;

/** A refusal of the token itself, as opposed to a failure to fetch what checks it. */
function isTokenRefusal(error: unknown): boolean {
  if (error instanceof AuthenticationError) return error.statusCode === 401;
  // jsonwebtoken's own errors: bad signature, wrong algorithm, not yet valid, malformed.
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError';
}

/**
 * Checks the Bot Framework token of each request. Every refusal is the same value, whatever the
 * cause, so the answer is always a bare 401, and one log line. When the signing keys cannot be fetched the failure
 * is logged once and remembered briefly, so a flood of requests does not fetch them again each.
 */
export class RequestAuthenticator {
  private keysUnavailableUntil = 0;

  constructor(
    private readonly adapter: BotAdapter,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** `logger`: the request's, so a refusal carries its turn id. */
  async authenticate(
    activity: Partial<Activity>,
    authHeader: string,
    logger: Logger = this.logger,
  ): Promise<AuthenticationOutcome> {
    const now = this.clock.now().getTime();
    if (authHeader && now < this.keysUnavailableUntil) return { ok: false };
    try {
      const authentication = await withLibraryConsoleInLog(logger, () =>
        this.adapter.authenticate(activity, authHeader),
      );
      return { ok: true, authentication };
    } catch (error) {
      if (isTokenRefusal(error)) {
        logger.warn(
          { reason: (error as Error).message.split('\n')[0] },
          'request refused: invalid token',
        );
      } else {
        this.keysUnavailableUntil = now + keysUnavailableMs;
        logger.error(
          { reason: (error as Error).message.split('\n')[0], retryInMs: keysUnavailableMs },
          'request refused: the Bot Framework signing keys could not be fetched',
        );
      }
      return { ok: false };
    }
  }
}
