import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SendRecord } from '../../domain/ports';
import { openCosmos } from '../../store/cosmos-connection';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';
import { TeamsChannel } from '../support/teams-channel';
import { BotProcess } from './support/bot-process';
import { countDeliveries, expectedPromptKeys, questionnaireKeys, seedCoordinatorConversations, seedReporterConversations, waitFor, type DeliveryCount } from './support/deliveries';
import { sample } from './support/paths';
import { SlowChannel } from './support/slow-channel';

/** Week 49 of 2026: Tuesday 1 December, 09:00:30 in Stockholm (UTC+1): the start-up sweep sends the prompts. */
const TUESDAY_090030 = '2026-12-01T08:00:30Z';
/** Seconds on: a runner started right after another stopped cleanly. */
const TUESDAY_090045 = '2026-12-01T08:00:45Z';
/** 11 minutes on: a dead runner's job lease (10 min) and send claims (2 min) have expired. */
const TUESDAY_091130 = '2026-12-01T08:11:30Z';
const OCCURRENCE = 'prompts:2026-W49';
/** The first reminder, 11:00:30 in Stockholm. */
const TUESDAY_110030 = '2026-12-01T10:00:30Z';
/** The send queue's default concurrency: the most sends one process can have on the wire. */
const QUEUE_CONCURRENCY = 16;

interface RaceResult { round1: DeliveryCount; round1Total: number; round1Runners: number; round1Delivered: number; round2Total: number; round2Runners: number }
type LeaseState = 'completed' | 'released' | 'held' | 'none';
interface CrashResult {
  atSignal: number; atExit: number; exitCode: number | null; ledgerAfterExit: SendRecord[]; leaseAfterExit: LeaseState;
  count: DeliveryCount; secondRan: number; ledgerAtEnd: SendRecord[]; coordinatorNotes: string[][];
  /** After a third runner at the 11:00 reminder (SIGKILL only): the cards still missing. */
  missingAfterReminder?: string[];
}

/** The job lease as a later runner finds it: done, given up (expired), still held, or never taken. */
async function leaseState(stores: Stores, municipalityId: string): Promise<LeaseState> {
  try {
    const { resource } = await stores.cosmos.container('operations').item(`lease:${OCCURRENCE}`, municipalityId)
      .read<{ completedAt?: string; expiresAt: string }>();
    if (!resource) return 'none';
    if (resource.completedAt) return 'completed';
    return new Date(resource.expiresAt).getTime() <= new Date(TUESDAY_090045).getTime() ? 'released' : 'held';
  } catch (err) {
    if ((err as { code?: number }).code === 404) return 'none';
    throw err;
  }
}

/**
 * Issue 5, point 1: real `node index.js` processes on one Cosmos-compatible store (https, its
 * self-signed certificate trusted through COSMOS_ALLOW_SELF_SIGNED_LOOPBACK) sending to loopback
 * channels. Each card of the week must reach each reporter once, whoever sends it. Starting a
 * bot process costs seconds, so the scenarios run in a `before` hook, the two crash scenarios side
 * by side (each on its own database and channel), and the tests below check what each saw.
 */
describe('Bot processes sharing one store (multi-process exactly-once)', function () {
  const m = sample();
  const expected = expectedPromptKeys(m);
  let cosmos: LocalCosmos;
  let dataDir: string;
  const channels: TeamsChannel[] = [];
  const slows: SlowChannel[] = [];
  const open: Stores[] = [];
  const processes: BotProcess[] = [];
  let race: PromiseSettledResult<RaceResult>;
  let kill: PromiseSettledResult<CrashResult>;
  let term: PromiseSettledResult<CrashResult>;

  /** The test's own connection to one database of the shared server, created as the bots would. */
  async function storesFor(database: string): Promise<Stores> {
    const connection = await openCosmos({
      endpoint: cosmos.endpoint, key: 'local', database, createSchema: true,
      agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }), endpointDiscovery: false,
    });
    const stores = storesOn(connection, database, async () => connection.dispose());
    open.push(stores);
    return stores;
  }

  async function channel(): Promise<TeamsChannel> {
    const c = await TeamsChannel.start();
    channels.push(c);
    return c;
  }

  /** Slow enough (150–500 ms a request) that a process can be stopped half-way through the 45 cards. */
  async function slowChannel(target: TeamsChannel): Promise<SlowChannel> {
    const s = await SlowChannel.start(target.serviceUrl, () => 150 + Math.floor(Math.random() * 350));
    slows.push(s);
    return s;
  }

  async function spawn(instanceId: string, database: string, fakeNow: string): Promise<BotProcess> {
    const p = await BotProcess.spawn({ instanceId, cosmosEndpoint: cosmos.endpoint, database, fakeNow, dataDir });
    processes.push(p);
    return p;
  }

  async function terminate(ps: BotProcess[]): Promise<void> {
    for (const p of ps) p.kill('SIGTERM');
    const exits = await Promise.all(ps.map((p) => p.exited));
    exits.forEach((e, i) => assert.equal(e.code, 0, `${ps[i]!.instanceId} exit ${e.code ?? e.signal}`));
  }

  const runners = (ps: BotProcess[]) => ps.map((p) => p.logged('job occurrence started').filter((l) => l.occurrence === OCCURRENCE).length)
    .reduce((a, b) => a + b, 0);

  /** Three processes start at once and race their start-up sweeps; then all three restart. */
  async function raceScenario(): Promise<RaceResult> {
    const [stores, ch] = await Promise.all([storesFor('race'), channel()]);
    await seedReporterConversations(stores, m, ch.serviceUrl);
    const first = await Promise.all(['race-a', 'race-b', 'race-c'].map((id) => spawn(id, 'race', TUESDAY_090030)));
    await Promise.all(first.map((b) => b.ready));
    await waitFor('the prompts occurrence to complete', () => stores.operations.isCompleted(m.id, OCCURRENCE), 30_000, 50);
    await terminate(first);
    const round1 = countDeliveries(m, ch);
    const round1Total = questionnaireKeys(ch).length;
    const round1Delivered = (await stores.operations.listSends(m.id, `${OCCURRENCE}:`)).filter((s) => s.status === 'delivered').length;
    ch.clear();
    const second = await Promise.all(['race-d', 'race-e', 'race-f'].map((id) => spawn(id, 'race', TUESDAY_090030)));
    await Promise.all(second.map((b) => b.ready));
    // The start-up sweep is under way once "ready" is logged; give it ample time to (wrongly) send.
    await new Promise((r) => setTimeout(r, 2_000));
    await terminate(second);
    return { round1, round1Total, round1Runners: runners(first), round1Delivered, round2Total: questionnaireKeys(ch).length, round2Runners: runners(second) };
  }

  /**
   * One process is stopped with `signal` half-way through the cards, and another runner starts:
   * after SIGKILL once the dead one's lease has expired, after SIGTERM right away.
   */
  async function crashScenario(signal: 'SIGKILL' | 'SIGTERM', database: string): Promise<CrashResult> {
    const [stores, ch] = await Promise.all([storesFor(database), channel()]);
    const slow = await slowChannel(ch);
    await seedReporterConversations(stores, m, slow.serviceUrl);
    await seedCoordinatorConversations(stores, m, slow.serviceUrl);
    const first = await spawn(`${database}-a`, database, TUESDAY_090030);
    await first.ready;
    await waitFor('about half the cards', () => questionnaireKeys(ch).length >= expected.length / 2, 30_000, 5);
    const atSignal = questionnaireKeys(ch).length;
    first.kill(signal);
    const { code } = await first.exited;
    const atExit = questionnaireKeys(ch).length;
    const ledgerAfterExit = await stores.operations.listSends(m.id, `${OCCURRENCE}:`);
    const leaseAfterExit = await leaseState(stores, m.id);

    const second = await spawn(`${database}-b`, database, signal === 'SIGKILL' ? TUESDAY_091130 : TUESDAY_090045);
    await second.ready;
    await waitFor('the prompts occurrence to complete', () => stores.operations.isCompleted(m.id, OCCURRENCE), 30_000, 50);
    // If the first process completed it, the second's sweep finds it done; give that sweep time to (wrongly) send.
    if (leaseAfterExit === 'completed') await new Promise((r) => setTimeout(r, 1_500));
    await terminate([second]);
    const result: CrashResult = {
      atSignal, atExit, exitCode: code, ledgerAfterExit, leaseAfterExit, count: countDeliveries(m, ch), secondRan: runners([second]),
      ledgerAtEnd: await stores.operations.listSends(m.id, `${OCCURRENCE}:`),
      coordinatorNotes: m.coordinators.map((c) => ch.textsIn(`a:${c.id}`)),
    };
    if (signal === 'SIGKILL') {
      // The reminder carries the questionnaire: whoever lost their card on the wire gets it now.
      const third = await spawn(`${database}-c`, database, TUESDAY_110030);
      await third.ready;
      await waitFor('the first reminder to complete', () => stores.operations.isCompleted(m.id, 'reminders:2026-W49:1'), 30_000, 50);
      await terminate([third]);
      result.missingAfterReminder = countDeliveries(m, ch).missing;
    }
    return result;
  }

  before(async function () {
    this.timeout(120_000);
    cosmos = await LocalCosmos.start({ database: 'multi' });
    dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-multi-'));
    // The race first; the two crash scenarios side by side (more processes at once starve the loopback store).
    const t0 = Date.now();
    [race] = await Promise.allSettled([raceScenario()]);
    const t1 = Date.now();
    [kill, term] = await Promise.allSettled([crashScenario('SIGKILL', 'kill'), crashScenario('SIGTERM', 'term')]);
    process.stdout.write(`      (race scenario ${t1 - t0} ms, crash scenarios ${Date.now() - t1} ms)\n`);
    if ([race, kill, term].some((r) => r.status === 'rejected')) {
      for (const p of processes) process.stdout.write(`--- ${p.instanceId}\n${p.output}\n`);
    }
  });

  after(async () => {
    for (const p of processes) p.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    for (const s of open) await s.close();
    for (const s of slows) await s.stop();
    for (const c of channels) await c.stop();
    await cosmos?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  function outcome<T>(r: PromiseSettledResult<T>): T {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  }

  it('three processes racing their start-up sweeps send each (reporter, town) card exactly once', () => {
    const r = outcome(race);
    assert.deepEqual(r.round1.missing, [], 'every card delivered');
    assert.deepEqual(r.round1.repeated, [], 'no card twice');
    assert.equal(r.round1Total, expected.length);
    assert.equal(r.round1Runners, 1, 'one process ran the occurrence');
    assert.equal(r.round1Delivered, expected.length, 'the ledger has every card delivered');
  });

  it('restarting all three sends nothing new', () => {
    const r = outcome(race);
    assert.equal(r.round2Total, 0, 'no card sent again');
    assert.equal(r.round2Runners, 0, 'the completed occurrence did not run again');
  });

  it('SIGKILL half-way: the next runner delivers the rest and nothing twice; what was on the wire is reported, not resent', () => {
    const r = outcome(kill);
    const byStatus = (records: SendRecord[], status: string) => records.filter((s) => s.status === status);
    const uncertain = byStatus(r.ledgerAtEnd, 'uncertain').map((s) => s.key);
    process.stdout.write(`      SIGKILL: ${r.atSignal}/${expected.length} cards at the channel when killed; ledger at the kill: `
      + `${byStatus(r.ledgerAfterExit, 'delivered').length} delivered, ${byStatus(r.ledgerAfterExit, 'sending').length} on the wire, `
      + `${byStatus(r.ledgerAfterExit, 'pending').length} queued; after the second runner ${r.count.distinct} distinct, `
      + `${r.count.duplicates} duplicate(s), ${uncertain.length} uncertain, ${r.count.missing.length} missing\n`);
    assert.ok(r.atSignal < expected.length, 'killed before it had sent everything');
    assert.equal(r.secondRan, 1, 'the second runner took the expired lease over');
    assert.deepEqual(r.count.repeated, [], 'no card twice');
    // A card that was on the wire arrived or not; either way it is recorded, and only such a card may be missing.
    const uncertainCards = new Set(uncertain.map((k) => { const [, , town, reporter] = k.split(':'); return `a:${reporter}|${town}`; }));
    assert.deepEqual(r.count.missing.filter((k) => !uncertainCards.has(k)), [], 'every card not on the wire at the kill is delivered');
    assert.deepEqual(uncertain.sort(), byStatus(r.ledgerAfterExit, 'sending').map((s) => s.key).sort(), 'exactly the sends on the wire became uncertain');
    assert.ok(uncertain.length <= QUEUE_CONCURRENCY, `${uncertain.length} on the wire > ${QUEUE_CONCURRENCY}`);
    assert.deepEqual(byStatus(r.ledgerAtEnd, 'pending'), [], 'nothing left queued');
    if (uncertain.length > 0) {
      for (const notes of r.coordinatorNotes) assert.equal(notes.filter((t) => /stoppades oväntat/.test(t)).length, 1, 'each coordinator told once');
    }
  });

  it('SIGKILL half-way: by the first reminder every reporter has every questionnaire', () => {
    assert.deepEqual(outcome(kill).missingAfterReminder, []);
  });

  it('SIGTERM half-way: the process finishes and records its sends first, so every card arrives exactly once', () => {
    const r = outcome(term);
    process.stdout.write(`      SIGTERM: ${r.atSignal}/${expected.length} cards at the signal, ${r.atExit} at exit (code ${r.exitCode}); `
      + `lease ${r.leaseAfterExit} at exit; after a second runner started right away ${r.count.distinct} distinct, ${r.count.duplicates} duplicate(s)\n`);
    assert.ok(r.atSignal < expected.length, 'signalled before it had sent everything');
    assert.equal(r.exitCode, 0);
    assert.deepEqual(r.ledgerAfterExit.filter((s) => s.status !== 'delivered').map((s) => `${s.key} ${s.status}`), [], 'no claim left pending at exit');
    assert.ok(r.leaseAfterExit === 'completed' || r.leaseAfterExit === 'released', `the job lease is ${r.leaseAfterExit} at exit: the next instance would wait for it to expire`);
    assert.deepEqual(r.count.missing, [], 'every card delivered');
    assert.deepEqual(r.count.repeated, [], 'no card twice');
  });
});
