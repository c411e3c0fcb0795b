import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { AppConfig } from './config/env';
import { createAdapter } from './bot/adapter';
import { createApp } from './bot/app';
import type { BotDeps } from './bot/bot-deps';
import { createServer } from './bot/server';
import { TeamsNotifier } from './bot/teams-notifier';
import { SendQueue, type SendQueueOptions } from './delivery';
import { systemClock, type Clock } from './domain/clock';
import { Directory } from './domain/directory';
import type { Municipality } from './domain/municipality';
import type { OperationsStore } from './domain/ports';
import type { Logger } from './observability/logger';
import type { JobDeps } from './scheduler/job-deps';
import { startScheduler } from './scheduler/weekly-scheduler';
import type { Stores } from './store/open-store';

export interface HostOptions {
  bot: AppConfig['bot'];
  port: number;
  /** Interface to listen on; App Service needs all of them, tests use loopback. */
  host?: string;
  municipalities: Municipality[];
  stores: Stores;
  log: Logger;
  clock?: Clock;
  scheduler?: boolean;
  instanceId?: string;
  queue?: SendQueueOptions;
}

export interface RunningBot {
  url: string;
  port: number;
  deps: BotDeps;
  queue: SendQueue;
  /** Resolves once the start-up sweep (catching up missed jobs) has run. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The ledger work this process has in hand, for a clean stop: sends it has claimed and not yet
 * recorded, and job occurrences it holds the lease of. Once `closing`, new claims are refused
 * (the job fails and releases its lease, so another instance carries on at once) while what is
 * in hand finishes and is recorded.
 */
class InHand {
  closing = false;
  private readonly claims = new Set<string>();
  private readonly leases = new Set<string>();
  readonly operations: OperationsStore;

  constructor(store: OperationsStore) {
    this.operations = {
      isCompleted: (m, o) => store.isCompleted(m, o),
      getSend: (m, k) => store.getSend(m, k),
      listSends: (m, p) => store.listSends(m, p),
      // Counted from the call on, so a stop that comes while the store answers still waits for it.
      acquireLease: async (m, o, owner, ttl, now) => {
        if (this.closing) throw new Error('shutting down: no new job occurrences');
        this.leases.add(`${m}|${o}`);
        const acquired = await store.acquireLease(m, o, owner, ttl, now).catch((err: unknown) => { this.leases.delete(`${m}|${o}`); throw err; });
        if (!acquired) this.leases.delete(`${m}|${o}`);
        return acquired;
      },
      completeLease: (m, o, owner, now) => store.completeLease(m, o, owner, now).finally(() => this.leases.delete(`${m}|${o}`)),
      releaseLease: (m, o, owner) => store.releaseLease(m, o, owner).finally(() => this.leases.delete(`${m}|${o}`)),
      claimSend: async (m, key, owner, now, staleMs) => {
        if (this.closing) throw new Error('shutting down: no new sends');
        this.claims.add(`${m}|${key}`);
        const claim = await store.claimSend(m, key, owner, now, staleMs).catch((err: unknown) => { this.claims.delete(`${m}|${key}`); throw err; });
        if (claim !== 'claimed') this.claims.delete(`${m}|${key}`);
        return claim;
      },
      recordSend: (record) => store.recordSend(record).finally(() => this.claims.delete(`${record.municipalityId}|${record.key}`)),
    };
  }

  /** Resolves once no claimed send is unrecorded, no lease is held and the queue is idle. */
  async settled(queue: SendQueue): Promise<void> {
    for (;;) {
      await queue.onIdle();
      if (this.claims.size === 0 && this.leases.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * Wires the concrete parts together and starts listening: the one place that knows every class.
 * `index.ts` calls it with the environment's configuration; tests call it with their own clock
 * and store.
 */
export async function startBot(options: HostOptions): Promise<RunningBot> {
  const clock = options.clock ?? systemClock;
  const log = options.log;
  const directory = new Directory(options.municipalities, options.stores.registry);
  const adapter = createAdapter(options.bot, log);
  // Rate limits are about real seconds, so the queue keeps real time even when the domain clock is set.
  const queue = new SendQueue({ ...options.queue });
  const inHand = new InHand(options.stores.operations);
  const notifier = new TeamsNotifier({
    adapter, botAppId: options.bot.appId ?? '', conversations: options.stores.conversations, queue, clock, log,
    tenantOf: (id) => options.municipalities.find((m) => m.id === id)?.tenantId,
  });
  const jobs: JobDeps = {
    directory, weekly: options.stores.weekly, meeting: options.stores.meeting, operations: inHand.operations, notifier, clock,
    instanceId: options.instanceId ?? `${hostname()}:${process.pid}`, log,
  };
  const deps: BotDeps = {
    directory, weekly: options.stores.weekly, registry: options.stores.registry, conversations: options.stores.conversations,
    operations: inHand.operations, audit: options.stores.audit, personData: options.stores.personData, jobs, clock, log,
  };
  const app = createApp(adapter, options.bot.appId ?? '', deps);
  const server = createServer(adapter, app, log);
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  const scheduler = options.scheduler ? startScheduler(jobs) : undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deps,
    queue,
    ready: scheduler?.ready ?? Promise.resolve(),
    async stop() {
      scheduler?.stop();
      // Sends already claimed go out and are recorded, and the running job completes or releases
      // its lease, before the process may exit; nothing new starts.
      inHand.closing = true;
      await inHand.settled(queue);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
