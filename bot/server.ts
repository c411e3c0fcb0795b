import restify from 'restify';
import type { TeamsAdapter } from './teams-sdk';
import type { Application, TurnState } from './teams-sdk';
import type { Logger } from '../observability/logger';
import { normalizeActivity } from './normalize-activity';

const filled = (v: unknown): boolean => typeof v === 'string' && v !== '';

/**
 * What every Bot Framework activity carries and the adapter and teams-ai need before any handler
 * runs: a type, the channel, where to answer (an http(s) service URL; without one the connector
 * would fall back to a default host), and the ids of sender, recipient and conversation.
 */
function isActivity(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const a = body as { type?: unknown; channelId?: unknown; serviceUrl?: unknown; from?: { id?: unknown }; recipient?: { id?: unknown }; conversation?: { id?: unknown } };
  return filled(a.type) && filled(a.channelId) && typeof a.serviceUrl === 'string' && /^https?:\/\/\S+$/i.test(a.serviceUrl)
    && filled(a.from?.id) && filled(a.recipient?.id) && filled(a.conversation?.id);
}

/** POST /api/messages for the Bot Framework, GET /health for App Service's health check. */
export function createServer(adapter: TeamsAdapter, app: Application<TurnState>, log: Logger): restify.Server {
  const server = restify.createServer({ name: 'lagesbild-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));
  server.post('/api/messages', async (req, res) => {
    // A body that is not an activity is the sender's mistake: 400. The adapter would throw (500),
    // or the turn fail before any handler (501 for an invoke).
    if (!isActivity(req.body)) {
      res.send(400, { error: 'the body is not a Bot Framework activity' });
      return;
    }
    // Fields of the wrong type (a numeric locale, a mention without type) would fail the turn
    // after the 200, inside the SDK; they are dropped here so the user still gets an answer.
    const { activity, fixed } = normalizeActivity(req.body as Record<string, unknown>);
    if (fixed.length > 0) log.warn({ fixed, activityType: activity.type }, 'malformed activity fields dropped');
    req.body = activity;
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
