import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Stores } from '../store/open-store';
import { childExecArgv } from './child-flags';
import { connectStores } from './store-connection';

/** The bench's store: a child process running the Cosmos-compatible server, and connections to it. */
export class BenchStore {
  private databases = 0;

  private constructor(private readonly child: ChildProcess, readonly endpoint: string) {}

  static async start(): Promise<BenchStore> {
    const child = fork(join(__dirname, 'store-process.js'), [], { execArgv: childExecArgv(), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.once('message', (m: { endpoint?: string }) => (m.endpoint ? resolve(m.endpoint) : reject(new Error('no endpoint'))));
      child.once('exit', (code) => reject(new Error(`bench store exited early (${code})`)));
    });
    return new BenchStore(child, endpoint);
  }

  /** The port the store listens on, to tell its requests from others. */
  get port(): number {
    return Number(new URL(this.endpoint).port);
  }

  /** A database name not used before in this run; `name` only makes it readable. */
  freshDatabase(name: string): string {
    return `${name}-${++this.databases}`;
  }

  /** Stores on a fresh database. */
  open(name: string): Promise<Stores> {
    return connectStores(this.endpoint, this.freshDatabase(name));
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    await exited;
  }
}
