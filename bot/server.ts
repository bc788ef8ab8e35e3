import restify from 'restify';
import type { Application } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import { z } from 'zod/v4';
import type { Clock } from '../src/clock';
import type { IdGenerator } from '../src/ids';
import type { Logger } from '../src/logger';
import type { BotAdapter } from './adapter';
import type { Readiness } from './health';
import { RequestAuthenticator } from './http/authenticate';
import { withPlaygroundLocale } from './http/playground-locale';
import { readJsonBody, type BodyLimits } from './http/read-body';
import { isServedTenant, tenantOf } from './tenants';
import { setTurnLogger } from './turn-logger';

/** The least an activity must carry for the bot to act on it; anything less is a 400. */
const activityShape = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  from: z.object({ id: z.string().min(1) }).passthrough(),
  recipient: z.object({ id: z.string().min(1) }).passthrough(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  locale: z.string().max(100).optional(),
});

/** What the Bot Framework's own request handling does to the dates of an incoming activity. */
function withDates(activity: Record<string, unknown>): Activity {
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      const raw = `raw${field[0].toUpperCase()}${field.slice(1)}`;
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

export interface ServerOptions {
  port: number;
  host: string;
  adapter: BotAdapter;
  app: Application;
  clock: Clock;
  logger: Logger;
  /** Size (after decompression) and arrival time allowed for a request body. */
  bodyLimits: BodyLimits;
  /** Local mode with the Agents Playground: the locale to read its activities in. */
  playgroundLocale?: string;
  /** The tenants whose activities are served (see `Config.tenants`). */
  tenants: readonly string[];
  /** Gives each request's turn the id its log lines carry. */
  turnIds: IdGenerator;
  /** Whether the bot can do its work now, for `GET /readyz`. */
  readiness: () => Promise<Readiness>;
  /** More routes on the same server (signed downloads). */
  routes?: ((server: restify.Server) => void)[];
}

export const defaultBodyLimits: BodyLimits = { maxBytes: 512 * 1024, timeoutMs: 15_000 };

export async function startServer(options: ServerOptions): Promise<restify.Server> {
  const { adapter, app, logger } = options;
  const authenticator = new RequestAuthenticator(adapter, options.clock, logger);
  const server = restify.createServer({ name: 'qm-hjelp', handleUncaughtExceptions: false });

  server.post('/api/messages', async (req, res) => {
    // Every line about this request and its turn carries the turn's id.
    const log = options.logger.child({ turn: options.turnIds.next() });
    const read = await readJsonBody(req, options.bodyLimits);
    if (!read.ok) {
      log.warn({ status: read.status, reason: read.reason }, 'request body refused');
      // The rest of a refused body is not read: the connection closes after the answer.
      res.header('connection', 'close');
      res.send(read.status, { error: 'The request body was refused.' });
      return;
    }
    const shape = activityShape.safeParse(read.body);
    if (!shape.success) {
      log.warn({ issues: shape.error.issues.map((i) => i.path.join('.')) }, 'malformed activity');
      res.send(400, { error: 'The request body is not a Bot Framework activity.' });
      return;
    }
    // The whole body goes on to the turn; the shape check only vouches for its least parts.
    const body = { ...(read.body as Record<string, unknown>), ...shape.data };
    const activity = withDates(withPlaygroundLocale(body, options.playgroundLocale));
    const authorization = req.header('authorization') ?? '';
    const authenticated = await authenticator.authenticate(activity, authorization, log);
    if (!authenticated.ok) {
      res.send(401, { error: 'Unauthorized' });
      return;
    }
    // Checked once the request is authenticated and before the app reads or stores anything.
    if (!isServedTenant(activity, options.tenants)) {
      log.warn(
        { tenantId: tenantOf(activity) ?? null, type: activity.type },
        'activity from a tenant this bot does not serve, refused',
      );
      res.send(activity.type === 'invoke' ? 403 : 200);
      return;
    }
    try {
      const invoke = await adapter.runTurn(authenticated.authentication, activity, (context) => {
        setTurnLogger(context, log);
        return app.run(context).then(() => undefined);
      });
      // An invoke no handler takes: botbuilder answers 501, which reads as a fault of the server;
      // it is a request this bot does not accept.
      if (invoke?.status === 501) {
        res.send(400, { error: 'This bot does not handle this invoke.' });
        return;
      }
      res.send(invoke?.status ?? 200, invoke?.body);
    } catch (error) {
      log.error({ err: error, activityType: activity.type }, 'turn could not be run');
      res.send(500, { error: 'The request could not be handled.' });
    }
  });

  // Alive: the process answers. Nothing is read, so a slow store never makes it look dead.
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'alive' });
    next();
  });

  // Ready: the store answers and the workers run and move (see health.ts).
  server.get('/readyz', async (_req, res) => {
    const ready = await options.readiness();
    if (ready.status !== 'ready') logger.warn({ reasons: ready.reasons }, 'not ready');
    res.send(ready.status === 'ready' ? 200 : 503, ready);
  });

  for (const add of options.routes ?? []) add(server);

  server.on(
    'restifyError',
    (req: restify.Request, _res: restify.Response, error: Error, next: () => void) => {
      logger.warn({ url: req.url, error: error.message }, 'request rejected');
      next();
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  return server;
}
