import { cpus, loadavg } from 'node:os';
import { BenchStore } from './bench-store';
import { generateMunicipality, sampleMunicipality } from './generate';
import type { BenchFigures, BenchReport } from './report';
import { buildRows } from './rows';
import { runCompile } from './sections/compile';
import { runFanout } from './sections/fanout';
import { runFootprint } from './sections/footprint';
import { runStartup } from './sections/startup';
import { runSubmits } from './sections/submits';
import { runWeekCost } from './sections/week-cost';
import { FULL_SIZES, QUICK_SIZES } from './sizes';

/** Rejects if `work` has not settled within `seconds`, so a slow or stuck section cannot hold the run up. */
async function withinLimit<T>(name: string, seconds: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: still running after ${seconds} s`)), seconds * 1_000);
    timer.unref();
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export interface BenchOptions {
  quick?: boolean;
  /** Progress, one line per section (the CLI writes it to stderr). */
  progress?: (line: string) => void;
}

/**
 * Runs every section on this machine, against one in-memory Cosmos-compatible server on
 * loopback and a loopback channel enforcing Teams' limits, and returns the figures with the
 * table's rows. Start-up goes first, before the bench has loaded anything.
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const sizes = options.quick ? QUICK_SIZES : FULL_SIZES;
  const say = options.progress ?? (() => undefined);
  const started = performance.now();
  const section = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    say(`${name} …`);
    const result = await withinLimit(name, sizes.sectionLimitSeconds, run());
    say(`${name}: ${((performance.now() - t0) / 1_000).toFixed(1)} s ${JSON.stringify(result).slice(0, 400)}`);
    return result;
  };
  const startup = await section('start-up: node dist/index.js until /health', () => runStartup(sizes.startupRuns));
  const store = await BenchStore.start();
  try {
    const norrtalje = await section('fan-out: Norrtälje Tuesday', () => runFanout(store, sampleMunicipality()));
    const big = generateMunicipality({ index: 1, ...sizes.fanout });
    const fanout = await section(`fan-out: ${big.reporters.length} cards in one tenant`, () => runFanout(store, big));
    const submits = await section(`submits: ${sizes.submits.total} at ${sizes.submits.concurrency} concurrent`,
      () => runSubmits(store, sizes.submits.total, sizes.submits.concurrency));
    const compile = await section(`compile: ${sizes.compile.municipalities} municipalities × ${sizes.compile.towns} towns`, () => runCompile(store, sizes.compile));
    const footprint = await section(`footprint: ${sizes.footprint.reporters} reporters in a child process`,
      () => runFootprint(store, sizes.footprint.reporters, sizes.footprint.perTenantPerSecond));
    const week = await section('cost: a Norrtälje week', () => runWeekCost(store, sampleMunicipality()));
    const figures: BenchFigures = { fanout, norrtalje, submits, compile, footprint, startup, week };
    return {
      quick: Boolean(options.quick), rows: buildRows(figures), figures,
      seconds: (performance.now() - started) / 1_000, loadAverage: loadavg()[0] ?? 0, cpus: cpus().length,
    };
  } finally {
    await store.stop();
  }
}
