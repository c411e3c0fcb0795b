import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlidingLog, type WindowLimit } from './sliding-log';

/**
 * A loopback stand-in for the Teams channel's Bot Connector that ENFORCES Teams' rate limits, so
 * a benchmark measures what a bot really gets through rather than what it attempts.
 *
 * Endpoints (what botbuilder calls for proactive sends):
 * - `POST /v3/conversations/{id}/activities` and `.../activities/{replyToId}`: a message;
 *   `PUT .../activities/{activityId}`: an update. Each must fit both the conversation's windows
 *   and the tenant's; otherwise `429` with `Retry-After` in whole seconds (as Teams sends it),
 *   and the request is not counted against any window.
 * - `POST /v3/conversations`: creates a 1:1 conversation; not rate limited, only counted.
 *
 * The tenant is read from the activity (`conversation.tenantId`, else `channelData.tenant.id`);
 * the channel serves one bot, so "per app and tenant" is per tenant here.
 *
 * It keeps counts, not bodies: per (conversation, town) for questionnaire cards (the town comes
 * from the card's `submitReport` action), so lost and duplicated cards can be told apart from
 * retries, which the channel never accepted twice.
 */
export interface ChannelLimits {
  readonly perConversation: readonly WindowLimit[];
  readonly perTenant: readonly WindowLimit[];
}

/** Teams' published limits for a bot's sends (the hourly conversation limit does not matter in a bench run). */
export const TEAMS_CHANNEL_LIMITS: ChannelLimits = {
  perConversation: [
    { limit: 7, windowMs: 1_000 },
    { limit: 8, windowMs: 2_000 },
    { limit: 60, windowMs: 30_000 },
  ],
  perTenant: [{ limit: 50, windowMs: 1_000 }],
};

/** What the channel saw since it started or was last reset. */
export interface ChannelTally {
  /** Activities accepted (2xx). */
  accepted: number;
  /** Requests answered 429. */
  throttled: number;
  /** 1:1 conversations created. */
  created: number;
  /** Accepted activities carrying a questionnaire card. */
  cards: number;
  /** Wall-clock ms (Date.now) of the first and last accepted activity. */
  firstAt?: number;
  lastAt?: number;
}

interface Activity {
  conversation?: { tenantId?: string };
  channelData?: { tenant?: { id?: string } };
  attachments?: Array<{ contentType?: string; content?: { actions?: Array<{ verb?: string; data?: { townId?: unknown } }> } }>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export class RateLimitedChannel {
  private readonly conversations = new Map<string, SlidingLog>();
  private readonly tenants = new Map<string, SlidingLog>();
  /** Accepted questionnaire cards per `${conversationId}|${townId}`. */
  private readonly cardCounts = new Map<string, number>();
  private tally: ChannelTally = { accepted: 0, throttled: 0, created: 0, cards: 0 };
  private seq = 0;

  private constructor(private readonly server: http.Server, readonly serviceUrl: string, private readonly limits: ChannelLimits) {}

  static async start(limits: ChannelLimits = TEAMS_CHANNEL_LIMITS): Promise<RateLimitedChannel> {
    let channel: RateLimitedChannel | undefined;
    const server = http.createServer((req, res) => channel?.handle(req, res));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    channel = new RateLimitedChannel(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, limits);
    return channel;
  }

  get stats(): Readonly<ChannelTally> {
    return { ...this.tally };
  }

  /** How many cards each (conversation, town) got; the key is `${conversationId}|${townId}`. */
  cardsPerConversationAndTown(): ReadonlyMap<string, number> {
    return this.cardCounts;
  }

  /** Forgets counts and windows, for the next run. */
  reset(): void {
    this.conversations.clear();
    this.tenants.clear();
    this.cardCounts.clear();
    this.tally = { accepted: 0, throttled: 0, created: 0, cards: 0 };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const body = chunks.length > 0 ? parse(Buffer.concat(chunks).toString('utf8')) : {};
      if (req.method === 'POST' && path === '/v3/conversations') return this.create(body, res);
      const match = ACTIVITY_PATH.exec(path);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) return reply(res, 404, { error: { code: 'NotFound', message: 'no such endpoint' } });
      this.activity(decodeURIComponent(match[1]!), body as Activity, res);
    });
  }

  private create(body: unknown, res: http.ServerResponse): void {
    this.tally.created++;
    const member = (body as { members?: Array<{ id?: string }> }).members?.[0]?.id ?? 'unknown';
    reply(res, 201, { id: `a:created-${member}`, activityId: `activity-${++this.seq}` });
  }

  private activity(conversationId: string, activity: Activity, res: http.ServerResponse): void {
    const now = Date.now();
    const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? 'unknown-tenant';
    const own = logOf(this.conversations, conversationId, this.limits.perConversation);
    const shared = logOf(this.tenants, tenant, this.limits.perTenant);
    const waitMs = Math.max(own.waitMs(now), shared.waitMs(now));
    if (waitMs > 0) {
      this.tally.throttled++;
      res.setHeader('retry-after', String(Math.max(1, Math.ceil(waitMs / 1_000))));
      return reply(res, 429, { error: { code: 'Throttled', message: 'rate limit exceeded' } });
    }
    own.record(now);
    shared.record(now);
    this.tally.accepted++;
    this.tally.firstAt ??= now;
    this.tally.lastAt = now;
    const town = townOf(activity);
    if (town !== undefined) {
      this.tally.cards++;
      const key = `${conversationId}|${town}`;
      this.cardCounts.set(key, (this.cardCounts.get(key) ?? 0) + 1);
    }
    reply(res, 200, { id: `activity-${++this.seq}` });
  }
}

function logOf(logs: Map<string, SlidingLog>, key: string, windows: readonly WindowLimit[]): SlidingLog {
  let log = logs.get(key);
  if (!log) {
    log = new SlidingLog(windows);
    logs.set(key, log);
  }
  return log;
}

/** The town of a questionnaire card: the `townId` its submit action carries. */
function townOf(activity: Activity): string | undefined {
  for (const attachment of activity.attachments ?? []) {
    const submit = attachment.content?.actions?.find((a) => a.verb === 'submitReport');
    if (typeof submit?.data?.townId === 'string') return submit.data.townId;
  }
  return undefined;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

/** writeHead and end separately: restify patches writeHead in the same process. */
function reply(res: http.ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
