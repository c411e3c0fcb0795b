import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../observability/logger';

/** POST /api/messages for the Bot Framework, GET /health for App Service's health check. */
export function createServer(adapter: TeamsAdapter, app: Application<TurnState>, log: Logger): restify.Server {
  const server = restify.createServer({ name: 'lagesbild-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));
  server.post('/api/messages', async (req, res) => {
    try {
      await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
    } catch (err) {
      log.error({ err: (err as Error).message }, 'request failed');
      if (!res.headersSent) res.send(500);
    }
  });
  server.get('/health', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  return server;
}
