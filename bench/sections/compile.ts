import https from 'node:https';
import type { Municipality } from '../../domain/municipality';
import { pictureCards } from '../../scheduler/picture-job';
import type { JobDeps } from '../../scheduler/job-deps';
import type { Stores } from '../../store/open-store';
import { BENCH_WEEK, WEDNESDAY_1430 } from '../bench-week';
import type { BenchStore } from '../bench-store';
import { startBotUnderTest } from '../bot-under-test';
import { withCpu } from '../cpu-meter';
import { generateMunicipality } from '../generate';
import { seedHistory } from '../seed-history';
import { connectStores } from '../store-connection';
import { addTally, emptyTally, perUnit, StoreOpCounter, tallyBetween, type OpTally } from '../store-ops';

export interface CompileFigures {
  municipalities: number;
  towns: number;
  /** Towns actually compiled and timed; fewer than `towns` when the time budget ran out. */
  measuredTowns: number;
  cards: number;
  /** Wall time to compile and render every town's picture, one municipality after another as the
   * scheduler's sweep runs them; extrapolated from the measured towns when the budget ran out. */
  seconds: number;
  msPerTown: number;
  /** CPU ms of this process per town. */
  cpuMsPerTown: number;
  /** Store round trips per town, for one compile of every municipality. */
  perTown: OpTally;
}

export interface CompileShape {
  municipalities: number;
  towns: number;
  reportersPerTown: number;
  historyWeeks: number;
  /** Timed compiling stops after this many seconds and the rest is extrapolated, so a slow product cannot hold the run up. */
  budgetSeconds: number;
}

/**
 * Wednesday's picture for many municipalities with a year of history: `pictureCards` (the
 * product's compile from the store, history summaries saved, overview and town cards rendered)
 * for each, timed, with its store round trips counted.
 *
 * Each municipality's answers and meeting records sit in a database of their own. In Azure a
 * single-partition query costs the same however many other partitions exist; the local server
 * instead scans every document of a container for every query, and with 100 municipalities in
 * one container (~48,000 documents) its queries take seconds and the product's store requests
 * time out. The bot's directory and registry stay on one shared database.
 */
export async function runCompile(store: BenchStore, shape: CompileShape): Promise<CompileFigures> {
  const ms: Municipality[] = Array.from({ length: shape.municipalities }, (_, i) => generateMunicipality({ index: 100 + i, towns: shape.towns, reportersPerTown: shape.reportersPerTown }));
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  const shared = await connectStores(store.endpoint, store.freshDatabase('compile'), agent);
  const own = new Map<string, Stores>();
  const counter = new StoreOpCounter(store.port);
  try {
    const seed = async (m: Municipality): Promise<void> => {
      const stores = await connectStores(store.endpoint, store.freshDatabase(`compile-${m.id}`), agent);
      own.set(m.id, stores);
      await seedHistory(stores, m, BENCH_WEEK, shape.historyWeeks);
    };
    await seed(ms[0]!);
    const { bot } = await startBotUnderTest(shared, ms, WEDNESDAY_1430);
    const jobsOf = (m: Municipality): JobDeps => ({ ...bot.deps.jobs, weekly: own.get(m.id)!.weekly, meeting: own.get(m.id)!.meeting });
    try {
      // Warm-up on one municipality: first-use costs (template parsing, connections) are not per week.
      await pictureCards(jobsOf(ms[0]!), ms[0]!.id, BENCH_WEEK);
      // One after another, as the sweep runs them: rendering is CPU-bound, so running several at
      // once gains nothing and starves the event loop (store requests then time out). Each
      // municipality is seeded just before its turn, outside the timing and the count.
      let ops = emptyTally();
      let cards = 0;
      let cpuMs = 0;
      let wallMs = 0;
      let measured = 0;
      for (const m of ms) {
        if (wallMs > shape.budgetSeconds * 1_000) break;
        if (!own.has(m.id)) await seed(m);
        const before = counter.snapshot();
        const timed = await withCpu(() => pictureCards(jobsOf(m), m.id, BENCH_WEEK));
        ops = addTally(ops, tallyBetween(before, counter.snapshot()));
        cards += timed.result.length;
        cpuMs += timed.cpuMs;
        wallMs += timed.wallMs;
        measured += m.towns.length;
      }
      const towns = ms.length * shape.towns;
      return {
        municipalities: ms.length, towns, measuredTowns: measured, cards, seconds: (wallMs / measured) * towns / 1_000,
        msPerTown: wallMs / measured, cpuMsPerTown: cpuMs / measured, perTown: perUnit(ops, measured),
      };
    } finally {
      await bot.stop();
    }
  } finally {
    counter.dispose();
    for (const stores of own.values()) await stores.close();
    await shared.close();
    agent.destroy();
  }
}
