import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CONTAINERS, type ContainerName } from './containers';
import { openCosmos, type CosmosConnection } from './cosmos-connection';
import { withoutSystemFields } from './store-errors';

const RESTORE_HEADER = 'x-lagesbild-restore';

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
  /** Writes are refused from here on: the last snapshot is being taken. */
  private sealed = false;
  private writesInFlight = 0;
  /** Set while the saved documents are loaded: only requests carrying it get through. */
  private restoreToken?: string;
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
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const file = options.dataDir ? join(options.dataDir, `${options.database}.json`) : undefined;
    const local = new LocalCosmos(server, `https://127.0.0.1:${port}`, file, options.database);
    if (file) local.guard();
    local.connection = await local.connect();
    if (file) await local.restore();
    return local;
  }

  /**
   * A client connection to this server. Its bundled certificate is self-signed and expired, so
   * certificate checks are off for this loopback agent only, never globally.
   */
  connect(headers?: Record<string, string>): Promise<CosmosConnection> {
    return openCosmos({
      ...(headers ? { headers } : {}),
      endpoint: this.endpoint,
      key: 'local',
      database: this.database,
      createSchema: true,
      agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
      endpointDiscovery: false,
    });
  }

  /**
   * Puts a gate in front of the server: while the saved documents are loaded only the restore
   * gets through (a client that wrote first would see its write overwritten by the old copy),
   * after the last snapshot no write does (it would be lost), and every write marks the data dirty.
   */
  private guard(): void {
    const serve = this.server.listeners('request') as http.RequestListener[];
    this.server.removeAllListeners('request');
    this.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const restoring = this.restoreToken !== undefined && req.headers[RESTORE_HEADER] !== this.restoreToken;
      if (restoring || (this.sealed && isWrite(req))) {
        // Not chained: restify, loaded in the same process, patches writeHead to return nothing.
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'ServiceUnavailable', message: restoring ? 'The local store is loading.' : 'The local store is stopping.' }));
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

  private async restore(): Promise<void> {
    if (!this.file || !existsSync(this.file)) return;
    const snapshot = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Record<ContainerName, object[]>>;
    this.restoreToken = randomUUID();
    const loader = await this.connect({ [RESTORE_HEADER]: this.restoreToken });
    try {
      for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
        for (const doc of snapshot[name] ?? []) await loader.container(name).items.upsert(doc);
      }
    } finally {
      loader.dispose();
      this.restoreToken = undefined;
    }
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
