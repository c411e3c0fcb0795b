import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CONTAINERS, type ContainerName } from './containers';
import { openCosmos, type CosmosConnection } from './cosmos-connection';
import { withoutSystemFields } from './store-errors';

/**
 * A Cosmos DB-compatible server started in-process on loopback, for local use without an Azure
 * account. The server keeps documents in memory only, so this saves them to a JSON file in the
 * data folder after writes and loads them at start: a restart loses nothing.
 */
export class LocalCosmos {
  private dirty = false;
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
    local.connection = await local.connect();
    if (file) {
      await local.restore();
      server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
        // Reads, queries and the SDK's query-plan requests change nothing.
        if (req.method === 'GET' || (req.method === 'POST' && (req.headers['x-ms-documentdb-isquery'] || req.headers['x-ms-cosmos-is-query-plan-request']))) return;
        res.on('finish', () => { if (res.statusCode < 300) local.markDirty(); });
      });
    }
    return local;
  }

  /**
   * A client connection to this server. Its bundled certificate is self-signed and expired, so
   * certificate checks are off for this loopback agent only, never globally.
   */
  connect(): Promise<CosmosConnection> {
    return openCosmos({
      endpoint: this.endpoint,
      key: 'local',
      database: this.database,
      createSchema: true,
      agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
      endpointDiscovery: false,
    });
  }

  private markDirty(): void {
    if (this.stopped) return;
    this.dirty = true;
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
    if (!this.file || !existsSync(this.file) || !this.connection) return;
    const snapshot = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<Record<ContainerName, object[]>>;
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      for (const doc of snapshot[name] ?? []) await this.connection.container(name).items.upsert(doc);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    await this.flush();
    this.connection?.dispose();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
