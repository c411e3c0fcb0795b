import type { CompileFigures } from './sections/compile';
import type { FanoutFigures } from './sections/fanout';
import type { FootprintFigures } from './sections/footprint';
import type { StartupFigures } from './sections/startup';
import type { SubmitFigures } from './sections/submits';
import type { WeekCostFigures } from './sections/week-cost';

export type Status = 'MET' | 'MISSED' | 'info';

/** Every row the table has, in order; the quick test checks that none is missing. */
export const ROW_IDS = [
  'fanout.job', 'fanout.seconds', 'fanout.ratio', 'fanout.throttled', 'fanout.lostDuplicated', 'fanout.cpu',
  'norrtalje.seconds', 'norrtalje.lostDuplicated',
  'submit.latency', 'submit.serviceTime', 'submit.rates', 'submit.ratio',
  'compile.time', 'compile.queries',
  'footprint.rss', 'footprint.lostDuplicated', 'startup.ready',
  'cost.submit', 'cost.town', 'cost.week',
] as const;

export type RowId = (typeof ROW_IDS)[number];

export interface BenchRow {
  id: RowId;
  section: string;
  figure: string;
  value: string;
  target: string;
  status: Status;
}

export interface BenchFigures {
  fanout: FanoutFigures;
  norrtalje: FanoutFigures;
  submits: SubmitFigures;
  compile: CompileFigures;
  footprint: FootprintFigures;
  startup: StartupFigures;
  week: WeekCostFigures;
}

export interface BenchReport {
  quick: boolean;
  rows: BenchRow[];
  figures: BenchFigures;
  /** Wall seconds the whole run took. */
  seconds: number;
  /** 1-minute load average at the end, and CPUs: the machine may be shared. */
  loadAverage: number;
  cpus: number;
}
