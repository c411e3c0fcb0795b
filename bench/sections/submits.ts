import http from 'node:http';
import type { Container } from '@azure/cosmos';
import type { Municipality } from '../../domain/municipality';
import { reportId } from '../../domain/report';
import { weeklyPartition } from '../../store/containers';
import { BENCH_WEEK_KEY, TUESDAY_1000 } from '../bench-week';
import type { BenchStore } from '../bench-store';
import { startBotUnderTest } from '../bot-under-test';
import { generateMunicipality } from '../generate';
import { executeActivity, isCardResponse, postJson } from '../invoke';
import { pool } from '../../scheduler/pool';
import { quantile } from '../stats';
import { perUnit, StoreOpCounter, tallyBetween, type OpTally } from '../store-ops';

export interface SubmitFigures {
  submits: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  /** One submit at a time: the service time, without queueing behind other reporters. */
  serialP50Ms: number;
  serialP99Ms: number;
  submitsPerSecond: number;
  upsertsPerSecond: number;
  /** submits/s ÷ raw upserts/s on the same store. */
  ratio: number;
  /** Store round trips of the measured submits, per submit. */
  perSubmit: OpTally;
  /** Invokes not answered 200 with a card. */
  errors: number;
}

/** Fifty reporters (the concurrency), each covering enough towns to make `total` distinct answers. */
function submitMunicipality(total: number, concurrency: number): Municipality {
  const townsPerReporter = Math.ceil(total / concurrency);
  return generateMunicipality({ index: 2, towns: Math.max(concurrency, townsPerReporter), reportersPerTown: 1, townsPerReporter });
}

function answer(m: Municipality, townId: string): Record<string, unknown> {
  const town = m.towns.find((t) => t.id === townId)!;
  return {
    verb: 'submitReport', municipalityId: m.id, week: BENCH_WEEK_KEY, townId, grade: '3', categories: 'vandalism,littering',
    what: 'Klotter på busskuren och nedskräpning vid återvinningen', areas: town.areas[0] ?? '', place: 'Vid kiosken',
    when: 'evening,night', measures: 'Bättre belysning och tätare tömning',
  };
}

/**
 * Reporters answering at once through POST /api/messages, as Teams posts Action.Execute clicks:
 * each of `concurrency` reporters submits its towns one after another. Then, on the same store
 * and at the same concurrency, raw point upserts of report-sized documents, the ceiling a submit
 * (which also reads and writes other documents) is compared with.
 */
export async function runSubmits(store: BenchStore, total: number, concurrency: number): Promise<SubmitFigures> {
  const m = submitMunicipality(total, concurrency);
  const stores = await store.open('submits');
  const counter = new StoreOpCounter(store.port);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const { bot } = await startBotUnderTest(stores, [m], TUESDAY_1000);
  try {
    const reporters = m.reporters.slice(0, concurrency);
    const submitOne = (userId: string, townId: string) => postJson(agent, `${bot.url}/api/messages`,
      executeActivity('http://127.0.0.1:9/', m.tenantId, userId, 'submitReport', answer(m, townId)));
    // Warm-up: one answer each, so connections, caches and JIT are as in a running bot. Then the
    // same again one at a time, for the service time.
    await pool(reporters, concurrency, (r) => submitOne(r.id, r.towns[0]!));
    const serial: number[] = [];
    for (const r of reporters) serial.push((await submitOne(r.id, r.towns[0]!)).ms);
    const before = counter.snapshot();
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    await pool(reporters, concurrency, async (r) => {
      for (const townId of r.towns) {
        const res = await submitOne(r.id, townId);
        latencies.push(res.ms);
        if (res.status !== 200 || !isCardResponse(res.body)) errors++;
      }
    });
    const seconds = (performance.now() - started) / 1_000;
    const submitted = tallyBetween(before, counter.snapshot());
    const upsertsPerSecond = await rawUpserts(stores.cosmos.container('weekly'), m, latencies.length, concurrency);
    const submitsPerSecond = latencies.length / seconds;
    const perSubmit = perUnit(submitted, latencies.length);
    return {
      submits: latencies.length, concurrency, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99),
      serialP50Ms: quantile(serial, 0.5), serialP99Ms: quantile(serial, 0.99),
      submitsPerSecond, upsertsPerSecond, ratio: submitsPerSecond / upsertsPerSecond, perSubmit, errors,
    };
  } finally {
    await bot.stop();
    agent.destroy();
    counter.dispose();
    await stores.close();
  }
}

/** Upserts of documents shaped and sized like a stored answer, `concurrency` at a time; per second. */
async function rawUpserts(container: Container, m: Municipality, n: number, concurrency: number): Promise<number> {
  const week = 'raw-W00';
  const docs = Array.from({ length: n }, (_, i) => {
    const reporterId = m.reporters[i % m.reporters.length]!.id;
    const townId = `raw${i}`;
    return {
      id: reportId(week, townId, reporterId), type: 'report', partition: weeklyPartition(m.id, week), municipalityId: m.id, week, townId, reporterId,
      organisation: 'Organisation', kind: 'observations', late: false, revision: 1, ttl: 31_536_000,
      submittedAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
      answer: { grade: 3, categories: ['vandalism', 'littering'], what: 'Klotter på busskuren och nedskräpning vid återvinningen', areas: ['Centrum'], place: 'Vid kiosken', when: ['evening', 'night'], measures: 'Bättre belysning och tätare tömning' },
    };
  });
  await pool(docs.slice(0, concurrency), concurrency, (d) => container.items.upsert({ ...d, id: `${d.id}:warm` }));
  const started = performance.now();
  await pool(docs, concurrency, (d) => container.items.upsert(d));
  return n / ((performance.now() - started) / 1_000);
}
