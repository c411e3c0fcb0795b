import { sendPrompts } from '../scheduler/prompts-job';
import { TUESDAY_0900 } from './bench-week';
import { startBotUnderTest } from './bot-under-test';
import { generateMunicipality } from './generate';
import { settleAfterFailure } from './settle';
import { connectStores } from './store-connection';
import { StoreOpCounter } from './store-ops';

/** What the parent sends: where the store and channel are, and the municipality's shape. */
export interface FootprintOrder {
  endpoint: string;
  database: string;
  index: number;
  towns: number;
  reportersPerTown: number;
  perTenantPerSecond: number;
}

export interface FootprintReport {
  /** RSS once the bot is listening, before the Tuesday. */
  rssReadyBytes: number;
  /** RSS after the Tuesday's prompts, after a full GC, with the bot still running. */
  rssAfterBytes: number;
  heapUsedAfterBytes: number;
  /** V8 heap reserved after the GC: RSS well above it is native memory (sockets, TLS, allocator). */
  heapTotalAfterBytes: number;
  /** Highest RSS during the whole run. */
  maxRssBytes: number;
  /** The job's own account: its counts, or what it threw (the sends it had under way still finish first). */
  jobOutcome: string;
}


function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/**
 * Child process (run with --expose-gc): the bot alone, so its RSS is not mixed with the store,
 * the channel or the bench. It registers the municipality, runs Tuesday's prompts, and reports
 * its memory; it stays up until the parent disconnects, like a bot between Tuesdays.
 */
process.once('message', (order: FootprintOrder) => {
  void (async () => {
    const stores = await connectStores(order.endpoint, order.database);
    const counter = new StoreOpCounter(Number(new URL(order.endpoint).port));
    const m = generateMunicipality({ index: order.index, towns: order.towns, reportersPerTown: order.reportersPerTown });
    // The bench channel's tenant limit is raised to keep the run short; the queue keeps to the same.
    const { bot } = await startBotUnderTest(stores, [m], TUESDAY_0900, { limits: { global: [{ limit: order.perTenantPerSecond, windowMs: 1_000 }] } });
    collect();
    const rssReadyBytes = process.memoryUsage().rss;
    let jobOutcome: string;
    try {
      const r = await sendPrompts(bot.deps.jobs, m.id);
      jobOutcome = `sent ${r.sent}, skipped ${r.skipped}, failed ${r.failed}`;
    } catch (err) {
      jobOutcome = `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
      await settleAfterFailure(bot.queue, counter, () => bot.queue.stats.sent + bot.queue.stats.failed);
    }
    collect();
    const mem = process.memoryUsage();
    const report: FootprintReport = {
      rssReadyBytes, rssAfterBytes: mem.rss, heapUsedAfterBytes: mem.heapUsed, heapTotalAfterBytes: mem.heapTotal, maxRssBytes: process.resourceUsage().maxRSS * 1_024,
      jobOutcome,
    };
    process.send?.(report);
    process.once('disconnect', () => {
      void bot.stop().then(() => stores.close()).finally(() => process.exit(0));
    });
  })().catch((err: unknown) => {
    process.stderr.write(`footprint child failed: ${String(err)}\n`);
    process.exit(1);
  });
});
