import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the channel. */
export interface ChannelActivity {
  conversationId: string;
  replyToId?: string;
  method: 'POST' | 'PUT';
  activity: {
    type: string;
    text?: string;
    attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
    [key: string]: unknown;
  };
  at: number;
}

/** Decides the HTTP status of one send; 2xx means accepted. */
export type FaultPlan = (conversationId: string, attempt: number) => { status: number; retryAfter?: string } | undefined;

/**
 * A loopback server playing the Teams channel's Bot Connector: it takes the bot's replies,
 * proactive sends, updates and conversation creations, and records them for assertions.
 */
export class TeamsChannel {
  readonly activities: ChannelActivity[] = [];
  readonly createdConversations: Array<{ members: unknown; tenantId?: string }> = [];
  private attempts = new Map<string, number>();
  private seq = 0;
  faults?: FaultPlan;

  private constructor(private readonly server: http.Server, readonly serviceUrl: string) {}

  static async start(): Promise<TeamsChannel> {
    let channel!: TeamsChannel;
    const server = http.createServer((req, res) => channel.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    channel = new TeamsChannel(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return channel;
  }

  /** Separate writeHead and end calls: restify patches writeHead so it no longer returns the response. */
  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const parsed = body ? JSON.parse(body) as Record<string, unknown> : {};
      if (req.method === 'POST' && url.pathname === '/v3/conversations') {
        const members = parsed.members as Array<{ id: string }> | undefined;
        this.createdConversations.push({ members, tenantId: (parsed as { tenantId?: string }).tenantId });
        const id = `a:created-${members?.[0]?.id ?? 'x'}`;
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      if (!m || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404);
        res.end();
        return;
      }
      const conversationId = decodeURIComponent(m[1]!);
      const attempt = (this.attempts.get(conversationId) ?? 0) + 1;
      this.attempts.set(conversationId, attempt);
      const fault = this.faults?.(conversationId, attempt);
      if (fault && fault.status >= 300) {
        res.writeHead(fault.status, fault.retryAfter ? { 'retry-after': fault.retryAfter, 'content-type': 'application/json' } : { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Fault', message: `injected ${fault.status}` } }));
        return;
      }
      this.activities.push({
        conversationId, replyToId: m[2] ? decodeURIComponent(m[2]) : undefined, method: req.method as 'POST' | 'PUT',
        activity: parsed as ChannelActivity['activity'], at: Date.now(),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${++this.seq}` }));
    });
  }

  /** Cards sent into a conversation, in order. */
  cardsIn(conversationId: string): Array<Record<string, unknown>> {
    return this.activities
      .filter((a) => a.conversationId === conversationId)
      .flatMap((a) => a.activity.attachments ?? [])
      .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((x) => x.content);
  }

  textsIn(conversationId: string): string[] {
    return this.activities.filter((a) => a.conversationId === conversationId && a.activity.text).map((a) => a.activity.text!);
  }

  clear(): void {
    this.activities.length = 0;
    this.createdConversations.length = 0;
    this.attempts.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
