import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CONTAINERS, type ContainerName } from './containers';
import { openCosmos, type CosmosConnection } from './cosmos-connection';
import { withoutSystemFields } from './store-errors';

function listen(server: https.Server, port: number): Promise<number> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/**
 * A client on a loopback agent of its own. The server's bundled certificate is self-signed and
 * expired, so certificate checks are off for this agent only, never globally.
 */
function connectTo(endpoint: string, database: string): Promise<CosmosConnection> {
  return openCosmos({
    endpoint, key: 'local', database, createSchema: true,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
    endpointDiscovery: false,
  });
}

/**
 * Loads a data file through a side door: a second server on a port nobody else knows, handing its
 * requests to the main server's listeners (the emulator keeps its documents in them).
 */
async function restoreThrough(serve: readonly http.RequestListener[], file: string, database: string): Promise<void> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<ContainerName, object[]>>;
  const side = createHttpsServer({ keepAlive: true });
  side.removeAllListeners('request');
  for (const listener of serve) side.on('request', listener);
  const port = await listen(side, 0);
  const loader = await connectTo(`https://127.0.0.1:${port}`, database);
  try {
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      for (const doc of snapshot[name] ?? []) await loader.container(name).items.upsert(doc);
    }
  } finally {
    loader.dispose();
    await new Promise<void>((resolve) => {
      side.close(() => resolve());
      side.closeAllConnections();
    });
  }
}

/** Reads, queries and the SDK's query-plan requests change nothing. */
function isWrite(req: http.IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  return !(req.method === 'POST' && (req.headers['x-ms-documentdb-isquery'] || req.headers['x-ms-cosmos-is-query-plan-request']));
}

/**
 * A Cosmos DB-compatible server started in-process on loopback, for local use without an Azure
 * account. The server keeps documents in memory only, so this saves them to a JSON file in the
 * data folder after writes and loads them at start: a restart loses nothing.
 */
export class LocalCosmos {
  private dirty = false;
  private stopping = false;
  private loading = false;
  /** Writes are refused from here on: the last snapshot is being taken. */
  private sealed = false;
  private writesInFlight = 0;
  private stopped = false;
  private flushTimer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private connection?: CosmosConnection;

  private constructor(private readonly server: https.Server, readonly endpoint: string,
    private readonly file: string | undefined, private readonly database: string) {}

  /** Starts the server; with `dataDir` it persists, without it (tests) it stays in memory. */
  static async start(options: { dataDir?: string; database: string; port?: number }): Promise<LocalCosmos> {
    const server = createHttpsServer({ keepAlive: true });
    // Longer than Node's 5 s default: a client whose event loop stalls must not find its socket reset.
    server.keepAliveTimeout = 120_000;
    const file = options.dataDir ? join(options.dataDir, `${options.database}.json`) : undefined;
    const port = await listen(server, options.port ?? 0);
    const local = new LocalCosmos(server, `https://127.0.0.1:${port}`, file, options.database);
    if (file) {
      const serve = local.guard();
      if (existsSync(file)) {
        // Clients are turned away until the saved documents are in: one that wrote first would
        // see its write overwritten by the old copy, one that read would miss what was saved.
        local.loading = true;
        try {
          await restoreThrough(serve, file, options.database);
        } finally {
          local.loading = false;
        }
      }
    }
    local.connection = await local.connect();
    return local;
  }

  /** A client connection to this server (see `connectTo`). */
  connect(): Promise<CosmosConnection> {
    return connectTo(this.endpoint, this.database);
  }

  /**
   * Puts a gate in front of the server: nothing gets through while the saved documents load, no
   * write after the last snapshot (it would be lost), and every write marks the data dirty.
   * Returns the server's own request listeners, which hold its documents.
   */
  private guard(): http.RequestListener[] {
    const serve = this.server.listeners('request') as http.RequestListener[];
    this.server.removeAllListeners('request');
    this.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (this.loading || (this.sealed && isWrite(req))) {
        // Not chained: restify, loaded in the same process, patches writeHead to return nothing.
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'ServiceUnavailable', message: `The local store is ${this.loading ? 'loading' : 'stopping'}.` }));
        return;
      }
      if (isWrite(req)) {
        this.writesInFlight++;
        res.on('close', () => {
          this.writesInFlight--;
          if (res.statusCode < 300) this.markDirty();
        });
      }
      for (const listener of serve) listener.call(this.server, req, res);
    });
    return serve;
  }

  private markDirty(): void {
    if (this.stopped) return;
    this.dirty = true;
    if (this.stopping) return;
    this.flushTimer ??= setTimeout(() => { this.flushTimer = undefined; void this.flush().catch(() => undefined); }, 200);
  }

  /** Writes all documents to the data file (atomically, through a temporary file). */
  async flush(): Promise<void> {
    if (!this.file || !this.connection) return;
    await this.flushing;
    if (!this.dirty) return;
    this.dirty = false;
    this.flushing = (async () => {
      const snapshot: Record<string, object[]> = {};
      for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
        const { resources } = await this.connection!.container(name).items.readAll().fetchAll();
        snapshot[name] = resources.map((d) => withoutSystemFields(d));
      }
      mkdirSync(join(this.file!, '..'), { recursive: true });
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, JSON.stringify(snapshot));
      renameSync(tmp, this.file!);
    })();
    await this.flushing;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    // A write that lands while a snapshot is taken may be missing from it: snapshot again, and
    // if writes keep coming, refuse new ones and take the last snapshot once the rest are done.
    for (let round = 0; round < 3 && this.dirty; round++) await this.flush();
    this.sealed = true;
    while (this.writesInFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.flush();
    this.stopped = true;
    this.connection?.dispose();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
