import { randomUUID } from 'node:crypto';
import http from 'node:http';

/**
 * An Action.Execute click as Teams posts it to /api/messages: an `adaptiveCard/action` invoke from
 * a person's 1:1 conversation, carrying the card's verb and data.
 */
export function executeActivity(serviceUrl: string, tenantId: string, userId: string, verb: string, data: Record<string, unknown>): object {
  return {
    type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', serviceUrl, id: randomUUID(), timestamp: new Date().toISOString(),
    from: { id: `29:${userId}`, aadObjectId: userId, name: 'Rapportör' },
    recipient: { id: '28:bench-bot', name: 'Lägesbild' },
    conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'sv-SE', replyToId: 'card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export interface PostResult {
  status: number;
  body: string;
  /** Milliseconds from sending the request until the whole response was read. */
  ms: number;
}

/** POSTs JSON over a keep-alive agent, like a channel holding its connections open. */
export function postJson(agent: http.Agent, url: string, payload: object): Promise<PostResult> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether an invoke response carries an Adaptive Card (the receipt replacing the clicked card). */
export function isCardResponse(body: string): boolean {
  try {
    return (JSON.parse(body) as { type?: string }).type === 'application/vnd.microsoft.card.adaptive';
  } catch {
    return false;
  }
}
