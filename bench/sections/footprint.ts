import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { BenchStore } from '../bench-store';
import { auditCards } from '../card-audit';
import { childExecArgv } from '../child-flags';
import type { FootprintOrder, FootprintReport } from '../footprint-child';
import { generateMunicipality } from '../generate';
import { RateLimitedChannel, TEAMS_CHANNEL_LIMITS } from '../rate-limited-channel';
import { seedConversations } from '../seed-conversations';
import { connectStores } from '../store-connection';

export interface FootprintFigures extends FootprintReport {
  reporters: number;
  lost: number;
  duplicated: number;
  seconds: number;
  perTenantPerSecond: number;
}

const REPORTERS_PER_TOWN = 50;

/**
 * The bot's memory with many registered reporters, measured in a child process of its own: a
 * Tuesday's prompts to every reporter (each with a stored conversation reference), then RSS.
 * The channel keeps Teams' per-conversation limits but lets the tenant send `perTenantPerSecond`,
 * so 10,000 cards do not take 200 s; memory after the run does not depend on the pace.
 */
export async function runFootprint(store: BenchStore, reporters: number, perTenantPerSecond: number): Promise<FootprintFigures> {
  const towns = Math.max(1, Math.ceil(reporters / REPORTERS_PER_TOWN));
  const shape = { index: 3, towns, reportersPerTown: Math.min(reporters, REPORTERS_PER_TOWN) };
  const m = generateMunicipality(shape);
  const database = store.freshDatabase('footprint');
  const channel = await RateLimitedChannel.start({ ...TEAMS_CHANNEL_LIMITS, perTenant: [{ limit: perTenantPerSecond, windowMs: 1_000 }] });
  try {
    const seeding = await connectStores(store.endpoint, database);
    try {
      await seedConversations(seeding.conversations, m, channel.serviceUrl);
    } finally {
      await seeding.close();
    }
    const child = fork(join(__dirname, '..', 'footprint-child.js'), [], { execArgv: childExecArgv(['--expose-gc']), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const started = performance.now();
      const report = await new Promise<FootprintReport>((resolve, reject) => {
        child.once('message', (r: FootprintReport) => resolve(r));
        child.once('exit', (code) => reject(new Error(`footprint child exited (${code})`)));
        const order: FootprintOrder = { endpoint: store.endpoint, database, ...shape, perTenantPerSecond };
        child.send(order);
      });
      const seconds = (performance.now() - started) / 1_000;
      const audit = auditCards(m, channel.cardsPerConversationAndTown());
      return { ...report, reporters: m.reporters.length, lost: audit.lost, duplicated: audit.duplicated, seconds, perTenantPerSecond };
    } finally {
      if (child.connected) child.disconnect();
      await exited;
    }
  } finally {
    await channel.stop();
  }
}
