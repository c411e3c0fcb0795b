import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { pointReadRu, queryPageRu, writeRu } from './request-units';

/** What one Cosmos DB REST request was. */
export type OpKind = 'pointRead' | 'query' | 'queryPlan' | 'write' | 'other';

export const OP_KINDS: readonly OpKind[] = ['pointRead', 'query', 'queryPlan', 'write', 'other'];

/** Round trips by kind, and their estimated request units. */
export interface OpTally {
  count: Record<OpKind, number>;
  ru: number;
}

export function emptyTally(): OpTally {
  return { count: { pointRead: 0, query: 0, queryPlan: 0, write: 0, other: 0 }, ru: 0 };
}

/** `later` minus `earlier`: what happened between two snapshots. */
export function tallyBetween(earlier: OpTally, later: OpTally): OpTally {
  const count = emptyTally().count;
  for (const k of OP_KINDS) count[k] = later.count[k] - earlier.count[k];
  return { count, ru: later.ru - earlier.ru };
}

export function addTally(a: OpTally, b: OpTally, times = 1): OpTally {
  const count = emptyTally().count;
  for (const k of OP_KINDS) count[k] = a.count[k] + b.count[k] * times;
  return { count, ru: a.ru + b.ru * times };
}

/** A tally divided by `n` units (submits, towns): averages per unit. */
export function perUnit(t: OpTally, n: number): OpTally {
  const count = emptyTally().count;
  for (const k of OP_KINDS) count[k] = t.count[k] / Math.max(1, n);
  return { count, ru: t.ru / Math.max(1, n) };
}

/** Round trips that reach the store's data (everything but query plans and metadata). */
export function dataRoundTrips(t: OpTally): number {
  return t.count.pointRead + t.count.query + t.count.write;
}

const DOC_PATH = /\/docs(\/[^/]+)?$/;

/**
 * Counts this process's requests to the store at the HTTP client, through Node's
 * `http.client.response.finish` diagnostics channel: no wrapper around the product's Cosmos
 * client is needed, and only requests to the store's port are counted. Sizes come from
 * Content-Length (request body for writes, response body for reads and queries).
 */
export class StoreOpCounter {
  private tally = emptyTally();
  private events = 0;
  private readonly host: string;
  private readonly listener = (message: unknown): void => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    if (request.getHeader('host') !== this.host) return;
    this.events++;
    this.record(request, response);
  };
  private readonly starts = (message: unknown): void => {
    if ((message as { request: ClientRequest }).request.getHeader('host') === this.host) this.events++;
  };

  constructor(port: number) {
    this.host = `127.0.0.1:${port}`;
    diagnostics.subscribe('http.client.response.finish', this.listener);
    diagnostics.subscribe('http.client.request.start', this.starts);
  }

  /** Requests started plus responses received so far: unchanged over a while means no store traffic. */
  get activity(): number {
    return this.events;
  }

  snapshot(): OpTally {
    return { count: { ...this.tally.count }, ru: this.tally.ru };
  }

  dispose(): void {
    diagnostics.unsubscribe('http.client.response.finish', this.listener);
    diagnostics.unsubscribe('http.client.request.start', this.starts);
  }

  private record(request: ClientRequest, response: IncomingMessage): void {
    const kind = classify(request);
    this.tally.count[kind]++;
    const sent = Number(request.getHeader('content-length') ?? 0);
    const received = Number(response.headers['content-length'] ?? 0);
    if (kind === 'pointRead') this.tally.ru += pointReadRu(response.statusCode === 200 ? received : 0);
    else if (kind === 'query') this.tally.ru += queryPageRu(received);
    else if (kind === 'write') this.tally.ru += writeRu(sent);
  }
}

function classify(request: ClientRequest): OpKind {
  const doc = DOC_PATH.exec(request.path.split('?')[0] ?? '');
  if (!doc) return 'other';
  const oneDoc = doc[1] !== undefined;
  switch (request.method) {
    case 'GET': return oneDoc ? 'pointRead' : 'query';
    case 'PUT':
    case 'DELETE':
    case 'PATCH': return 'write';
    case 'POST':
      if (request.getHeader('x-ms-cosmos-is-query-plan-request')) return 'queryPlan';
      if (request.getHeader('x-ms-documentdb-isquery')) return 'query';
      return 'write';
    default: return 'other';
  }
}
