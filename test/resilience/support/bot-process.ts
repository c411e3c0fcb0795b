import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { projectRoot, sampleFile } from './paths';

/** The compiled composition root, next to this file's compiled tree (dist/ or any --outDir). */
export const INDEX_JS = join(__dirname, '../../../index.js');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface BotProcessOptions {
  instanceId: string;
  cosmosEndpoint: string;
  database: string;
  fakeNow: string;
  dataDir: string;
}

/** One `node index.js` bot process, as production runs it, with its output kept for failures. */
export class BotProcess {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly ready: Promise<void>;

  private constructor(readonly child: ChildProcess, readonly instanceId: string, readonly port: number) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.ready = new Promise<void>((resolve, reject) => {
      const check = () => { if (this.output.includes('"msg":"lagesbild-bot ready"')) resolve(); };
      child.stdout!.on('data', (c: Buffer) => { this.output += c.toString('utf8'); check(); });
      child.stderr!.on('data', (c: Buffer) => { this.output += c.toString('utf8'); });
      void this.exited.then(({ code, signal }) => reject(new Error(`${instanceId} exited (${code ?? signal}) before ready:\n${this.output}`)));
    });
    // A process that exits later is not an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  static async spawn(options: BotProcessOptions): Promise<BotProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [INDEX_JS], {
      cwd: projectRoot(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        // Compiled outside the repository (e.g. --outDir /tmp/res-dist), it still needs the repository's packages.
        NODE_PATH: [join(projectRoot(), 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(delimiter),
        PORT: String(port),
        INSTANCE_ID: options.instanceId,
        SCHEDULER: 'true',
        MUNICIPALITY_CONFIG: sampleFile(),
        COSMOS_ENDPOINT: options.cosmosEndpoint,
        COSMOS_KEY: 'any-key-the-local-server-ignores',
        COSMOS_DATABASE: options.database,
        COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: 'true',
        LAGESBILD_FAKE_NOW: options.fakeNow,
        DATA_DIR: options.dataDir,
        LOG_LEVEL: 'info',
      },
    });
    return new BotProcess(child, options.instanceId, port);
  }

  /** Lines of its JSON log with this message. */
  logged(msg: string): Array<Record<string, unknown>> {
    return this.output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
  }

  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
}
