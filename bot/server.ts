import restify from 'restify';
import { ActivityTypes } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Logger } from '../src/logger';
import type { Store } from '../src/store/ports';
import { isServedTenant, tenantOf } from './tenants';

/** The least an activity must carry for the bot to act on it; anything less is a 400. */
const activityShape = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  from: z.object({ id: z.string().min(1) }).passthrough(),
  recipient: z.object({ id: z.string().min(1) }).passthrough(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
});

export interface ServerOptions {
  port: number;
  host: string;
  adapter: TeamsAdapter;
  app: Application;
  store: Store;
  logger: Logger;
  /** The tenants whose activities are served (see `Config.tenants`). */
  tenants: readonly string[];
}

export async function startServer(options: ServerOptions): Promise<restify.Server> {
  const { adapter, app, logger, store } = options;
  const server = restify.createServer({ name: 'qm-hjelp', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    const shape = activityShape.safeParse(req.body);
    if (!shape.success) {
      logger.warn(
        { issues: shape.error.issues.map((i) => i.path.join('.')) },
        'malformed activity',
      );
      res.send(400, { error: 'The request body is not a Bot Framework activity.' });
      return;
    }
    await adapter.process(req, res, async (context) => {
      // Checked once the request is authenticated and before the app reads or stores anything.
      if (!isServedTenant(context.activity, options.tenants)) {
        logger.warn(
          { tenantId: tenantOf(context.activity) ?? null, type: context.activity.type },
          'activity from a tenant this bot does not serve, refused',
        );
        if (context.activity.type === 'invoke')
          await context.sendActivity({
            type: ActivityTypes.InvokeResponse,
            value: { status: 403 },
          });
        return;
      }
      await app.run(context);
    });
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok', pendingNotifications: await store.outbox.pendingCount() });
  });

  server.on(
    'restifyError',
    (req: restify.Request, _res: restify.Response, error: Error, next: () => void) => {
      logger.warn({ url: req.url, error: error.message }, 'request rejected');
      next();
    },
  );

  await new Promise<void>((resolve) => {
    server.listen(options.port, options.host, resolve);
  });
  return server;
}
