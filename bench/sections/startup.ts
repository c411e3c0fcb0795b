import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distRoot, repoRoot } from '../repo-root';
import { median } from '../stats';

export interface StartupFigures {
  runs: number;
  /** Median ms from spawning `node dist/index.js` until GET /health answers 200. */
  readyMs: number;
  maxMs: number;
}

const GIVE_UP_MS = 30_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

/** The product's own environment only: no Azure store, no bot credentials, whatever the shell has. */
function productEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(COSMOS_|BOT_|APPLICATIONINSIGHTS_)/.test(key)) delete env[key];
  return {
    ...env, PORT: String(port), SCHEDULER: 'false', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
    MUNICIPALITY_CONFIG: join(repoRoot(), 'municipalities', 'norrtalje.yaml'),
  };
}

/** One cold start: spawn, poll /health every 10 ms, stop with SIGTERM (as App Service does). */
async function startOnce(): Promise<number> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(distRoot(), 'index.js')], { cwd: repoRoot(), env: productEnv(port, dataDir), stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (await healthy(port)) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`dist/index.js exited with ${child.exitCode} before it was ready`);
      if (performance.now() - started > GIVE_UP_MS) throw new Error('dist/index.js not ready within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Start-up time to ready of the real entry point with the embedded store and the sample municipality. */
export async function runStartup(runs: number): Promise<StartupFigures> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await startOnce());
  return { runs, readyMs: median(times), maxMs: Math.max(...times) };
}
