import { RU_ASSUMPTIONS } from './request-units';
import type { BenchFigures, BenchRow, Status } from './report';
import type { OpTally } from './store-ops';
import { SWEEPS_PER_WEEK } from './sections/week-cost';

/** The targets, in one place: each row's test and its printed form. */
export const TARGETS = {
  fanoutRatio: 0.9,
  norrtalje: 2,
  submitP99Ms: 50,
  submitRatio: 0.4,
  /** 500 pictures in 1 s. */
  compileMsPerTown: 2,
  queriesPerTown: 2,
  rssMb: 150,
  readyMs: 3_000,
} as const;

const MB = 1_024 * 1_024;

function met(ok: boolean): Status {
  return ok ? 'MET' : 'MISSED';
}

const n = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const seconds = (x: number, digits = 1): string => (Number.isFinite(x) ? `${x.toFixed(digits)} s` : 'n/a');

/** "5.0 (2.0 reads, 1.0 queries, 2.0 writes; +1.0 query plans) ≈ 14.5 RU" */
function trips(t: OpTally): string {
  const c = t.count;
  const data = c.pointRead + c.query + c.write;
  return `${n(data)} (${n(c.pointRead)} reads, ${n(c.query)} queries, ${n(c.write)} writes; +${n(c.queryPlan)} query plans) ≈ ${n(t.ru)} RU`;
}

function lostDup(lost: number, duplicated: number): string {
  return `${lost} lost / ${duplicated} duplicated`;
}

/** Turns the figures into the table's rows, each with its target and MET/MISSED. */
export function buildRows(f: BenchFigures): BenchRow[] {
  const { fanout, norrtalje, submits, compile, footprint, startup, week } = f;
  const fan = `Fan-out ${int(fanout.expected)} cards`;
  const norr = `Norrtälje Tuesday (${norrtalje.expected} cards)`;
  return [
    { id: 'fanout.job', section: fan, figure: 'sendPrompts outcome', value: fanout.jobOutcome, target: '', status: 'info' },
    { id: 'fanout.seconds', section: fan, figure: 'seconds until the last card arrived', value: `${seconds(fanout.seconds)} (${int(fanout.cards)} arrived)`, target: '', status: 'info' },
    { id: 'fanout.ratio', section: fan, figure: 'achieved sends/s ÷ channel limit 50/s', value: `${n(fanout.sendsPerSecond)}/s → ${n(fanout.ratio, 2)}`, target: `≥ ${TARGETS.fanoutRatio}`, status: met(fanout.lost === 0 && fanout.ratio >= TARGETS.fanoutRatio) },
    { id: 'fanout.throttled', section: fan, figure: '429s answered by the channel', value: int(fanout.throttled), target: '', status: 'info' },
    { id: 'fanout.lostDuplicated', section: fan, figure: 'lost / duplicated cards at the channel', value: lostDup(fanout.lost, fanout.duplicated), target: '0 / 0', status: met(fanout.lost === 0 && fanout.duplicated === 0) },
    { id: 'fanout.cpu', section: fan, figure: 'CPU per expected card (bot + channel process)', value: `${n(fanout.cpuMsPerCard)} ms`, target: '', status: 'info' },
    { id: 'norrtalje.seconds', section: norr, figure: 'seconds until the last card arrived', value: seconds(norrtalje.seconds, 2), target: `< ${TARGETS.norrtalje} s`, status: met(norrtalje.lost === 0 && norrtalje.seconds < TARGETS.norrtalje) },
    { id: 'norrtalje.lostDuplicated', section: norr, figure: 'lost / duplicated cards (429s; job)', value: `${lostDup(norrtalje.lost, norrtalje.duplicated)} (${norrtalje.throttled}; ${norrtalje.jobOutcome})`, target: '0 / 0', status: met(norrtalje.lost === 0 && norrtalje.duplicated === 0) },
    { id: 'submit.latency', section: `Submits (${int(submits.submits)} at ${submits.concurrency} concurrent)`, figure: 'p50 / p99 until the invoke response', value: `${n(submits.p50Ms, 0)} / ${n(submits.p99Ms, 0)} ms`, target: `p99 ≤ ${TARGETS.submitP99Ms} ms`, status: met(submits.p99Ms <= TARGETS.submitP99Ms) },
    { id: 'submit.serviceTime', section: 'Submits', figure: 'p50 / p99 one at a time (service time)', value: `${n(submits.serialP50Ms, 0)} / ${n(submits.serialP99Ms, 0)} ms`, target: '', status: 'info' },
    { id: 'submit.rates', section: 'Submits', figure: 'submits/s; raw point upserts/s (same store, same concurrency)', value: `${n(submits.submitsPerSecond)}/s; ${n(submits.upsertsPerSecond)}/s`, target: '', status: 'info' },
    { id: 'submit.ratio', section: 'Submits', figure: 'submits/s ÷ raw upserts/s', value: n(submits.ratio, 3), target: `≥ ${TARGETS.submitRatio}`, status: met(submits.ratio >= TARGETS.submitRatio) },
    { id: 'compile.time', section: `Compile (${compile.municipalities} × ${compile.towns / compile.municipalities} towns)`, figure: `${int(compile.towns)} pictures compiled + rendered (pictureCards)${compile.measuredTowns < compile.towns ? `, extrapolated from ${compile.measuredTowns} timed` : ''}`, value: `${n(compile.seconds, 2)} s (${n(compile.msPerTown)} ms/town, CPU ${n(compile.cpuMsPerTown)} ms/town)`, target: `< 1 s per 500 (${TARGETS.compileMsPerTown} ms/town)`, status: met(compile.msPerTown <= TARGETS.compileMsPerTown) },
    { id: 'compile.queries', section: 'Compile', figure: 'store queries per town', value: `${n(compile.perTown.count.query, 2)} (+${n(compile.perTown.count.queryPlan, 2)} query plans)`, target: `≤ ${TARGETS.queriesPerTown}`, status: met(compile.perTown.count.query <= TARGETS.queriesPerTown) },
    { id: 'footprint.rss', section: `Footprint (${int(footprint.reporters)} reporters)`, figure: 'RSS after a Tuesday, after GC (heap used / total; RSS ready / peak)', value: `${n(footprint.rssAfterBytes / MB, 0)} MB (${n(footprint.heapUsedAfterBytes / MB, 0)} / ${n(footprint.heapTotalAfterBytes / MB, 0)} MB; ${n(footprint.rssReadyBytes / MB, 0)} / ${n(footprint.maxRssBytes / MB, 0)} MB)`, target: `≤ ${TARGETS.rssMb} MB`, status: met(footprint.rssAfterBytes / MB <= TARGETS.rssMb) },
    { id: 'footprint.lostDuplicated', section: 'Footprint', figure: `lost / duplicated cards (${n(footprint.seconds, 0)} s at ${footprint.perTenantPerSecond}/s tenant limit; job)`, value: `${lostDup(footprint.lost, footprint.duplicated)} (${footprint.jobOutcome})`, target: '0 / 0', status: met(footprint.lost === 0 && footprint.duplicated === 0) },
    { id: 'startup.ready', section: 'Start-up', figure: `node dist/index.js to GET /health 200 (median of ${startup.runs})`, value: `${n(startup.readyMs, 0)} ms (max ${n(startup.maxMs, 0)})`, target: `< ${TARGETS.readyMs / 1_000} s`, status: met(startup.readyMs < TARGETS.readyMs) },
    { id: 'cost.submit', section: 'Cost proxy', figure: 'store round trips per submit', value: trips(submits.perSubmit), target: '', status: 'info' },
    { id: 'cost.town', section: 'Cost proxy', figure: 'store round trips per town compile', value: trips(compile.perTown), target: '', status: 'info' },
    { id: 'cost.week', section: 'Cost proxy', figure: `Norrtälje week, expected RU (${week.answers} answers, ${SWEEPS_PER_WEEK} sweeps; see below)`, value: `≈ ${int(week.weeklyRu)} RU (${int(week.weeklyRoundTrips)} round trips)`, target: '', status: 'info' },
  ];
}

/** Lines printed under the table: what the cost proxy assumes and how the week adds up. */
export function footnotes(f: BenchFigures): string[] {
  const phases = f.week.phases.map((p) => `${p.name} ${n(p.tally.ru, 0)}`).join(', ');
  return [
    `RU assumptions: ${RU_ASSUMPTIONS}.`,
    `Norrtälje week RU: ${phases}; a quiet day's first sweep ${n(f.week.dailySweep.ru, 1)} × 5 days; idle sweeps ${n(f.week.idleSweep.ru, 1)} × ${f.week.idleSweeps}.`,
  ];
}
