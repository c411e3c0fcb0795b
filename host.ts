import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { AppConfig } from './config/env';
import { createAdapter } from './bot/adapter';
import { createApp } from './bot/app';
import type { BotDeps } from './bot/bot-deps';
import { ConversationMemory } from './bot/conversation-memory';
import { createServer } from './bot/server';
import { TeamsNotifier } from './bot/teams-notifier';
import { SendQueue, type SendQueueOptions } from './delivery';
import { CachedRegistry } from './domain/cached-registry';
import { systemClock, type Clock } from './domain/clock';
import { Directory } from './domain/directory';
import type { Municipality } from './domain/municipality';
import type { PersonDataStore } from './domain/ports';
import { InHand } from './scheduler/in-hand';
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
 * Wires the concrete parts together and starts listening: the one place that knows every class.
 * `index.ts` calls it with the environment's configuration; tests call it with their own clock
 * and store.
 */
export async function startBot(options: HostOptions): Promise<RunningBot> {
  const clock = options.clock ?? systemClock;
  const log = options.log;
  // Per-process memories of the registry and of stored conversation references, so a turn (a
  // submit above all) reaches the store only for its own data. Every instance's writes through
  // them are seen by that instance at once; another instance's within REGISTRY_CACHE_MS
  // (registry, languages) or at the person's first turn after CONVERSATION_REFRESH_MS or next
  // install (a reference it marked unreachable or erased).
  const registry = new CachedRegistry(options.stores.registry, clock);
  const conversations = new ConversationMemory(options.stores.conversations, clock);
  const personData = forgettingOnErasure(options.stores.personData, registry, conversations);
  const directory = new Directory(options.municipalities, registry);
  const adapter = createAdapter(options.bot, log);
  // Rate limits are about real seconds, so the queue keeps real time even when the domain clock is set.
  const queue = new SendQueue({ ...options.queue });
  const inHand = new InHand(options.stores.operations);
  const notifier = new TeamsNotifier({
    adapter, botAppId: options.bot.appId ?? '', conversations, queue, clock, log,
    tenantOf: (id) => options.municipalities.find((m) => m.id === id)?.tenantId,
  });
  const jobs: JobDeps = {
    directory, weekly: options.stores.weekly, meeting: options.stores.meeting, operations: inHand.operations, notifier, clock,
    instanceId: options.instanceId ?? `${hostname()}:${process.pid}`, log,
  };
  const deps: BotDeps = {
    directory, weekly: options.stores.weekly, registry, conversations,
    operations: inHand.operations, audit: options.stores.audit, personData, jobs, clock, log,
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

/** Erasure changes the registry and references behind the memories: they forget that municipality. */
function forgettingOnErasure(store: PersonDataStore, registry: CachedRegistry, conversations: ConversationMemory): PersonDataStore {
  return {
    exportPerson: (municipalityId, userId, now) => store.exportPerson(municipalityId, userId, now),
    async erasePerson(municipalityId, userId, actorId, now) {
      try {
        return await store.erasePerson(municipalityId, userId, actorId, now);
      } finally {
        registry.forget(municipalityId);
        conversations.forgetMunicipality(municipalityId);
      }
    },
  };
}
