import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { Application, type TurnState } from '../../bot/teams-sdk';
import { ActivityTypes, MemoryStorage, TestAdapter } from 'botbuilder';
import {
  currentCorrelation, enterCorrelation, jobCorrelation, turnCorrelation, withCorrelation,
} from '../../observability/correlation';
import { createLogger, type Logger } from '../../observability/logger';

/** A logger as the bot makes it, writing its JSON lines into an array. */
function capturingLogger(level = 'info'): { log: Logger; lines: () => Array<Record<string, unknown>>; raw: string[] } {
  const raw: string[] = [];
  const log = createLogger(level, { write: (line: string) => { raw.push(line); } });
  return { log, raw, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('correlation ids on log lines', () => {
  it('a line written inside a turn carries the turn\'s id, also after awaits; a line outside carries none', async () => {
    const { log, lines } = capturingLogger();
    log.info('before');
    await withCorrelation(turnCorrelation({ id: '1:activity-42' }), async () => {
      log.info({ municipalityId: 'demo' }, 'at once');
      await tick();
      await new Promise((r) => setTimeout(r, 5));
      log.child({ townId: 'norrby' }).warn('after awaits, from a child logger');
    });
    log.info('after');
    const byMsg = Object.fromEntries(lines().map((l) => [l.msg, l]));
    assert.equal(byMsg['at once']?.correlationId, '1:activity-42');
    assert.equal(byMsg['after awaits, from a child logger']?.correlationId, '1:activity-42');
    assert.equal(byMsg.before?.correlationId, undefined);
    assert.equal(byMsg.after?.correlationId, undefined);
  });

  it('a turn whose activity has no id gets a new UUID', () => {
    assert.match(turnCorrelation({}).correlationId, UUID);
    assert.match(turnCorrelation(undefined).correlationId, UUID);
    assert.match(turnCorrelation({ id: '   ' }).correlationId, UUID);
    assert.notEqual(turnCorrelation({}).correlationId, turnCorrelation({}).correlationId);
  });

  it('turns running at the same time keep their own ids', async () => {
    const { log, lines } = capturingLogger();
    const turn = (id: string, delays: number[]) => withCorrelation(turnCorrelation({ id }), async () => {
      for (const [i, ms] of delays.entries()) {
        await new Promise((r) => setTimeout(r, ms));
        log.info({ step: i, turn: id }, 'step');
      }
    });
    await Promise.all([turn('a', [5, 1, 8, 0]), turn('b', [0, 7, 1, 3]), turn('c', [3, 3, 3, 3])]);
    assert.equal(lines().length, 12);
    for (const line of lines()) assert.equal(line.correlationId, line.turn, `step ${String(line.step)} of turn ${String(line.turn)}`);
  });

  it('a job run gets an id of its own naming the occurrence, and keeps the turn that started it', async () => {
    const { log, lines } = capturingLogger();
    await withCorrelation(turnCorrelation({ id: 'turn-7' }), () => withCorrelation(jobCorrelation('prompts:2026-W49'), async () => {
      await tick();
      log.info('job step');
    }));
    await withCorrelation(jobCorrelation('reminders:2026-W49:1'), async () => { log.info('scheduled job step'); });
    const [fromTurn, scheduled] = lines();
    assert.match(String(fromTurn?.correlationId), /^prompts:2026-W49\/[0-9a-f-]{36}$/);
    assert.equal(fromTurn?.causedBy, 'turn-7');
    assert.match(String(scheduled?.correlationId), /^reminders:2026-W49:1\/[0-9a-f-]{36}$/);
    assert.equal(scheduled?.causedBy, undefined);
  });

  it('entered in a teams-ai beforeTurn hook, it reaches the turn\'s handlers and the work they start', async () => {
    const { log, lines } = capturingLogger();
    const app = new Application<TurnState>({ storage: new MemoryStorage() });
    // The line proposed for bot/app.ts: first in beforeTurn, before any await.
    app.turn('beforeTurn', async (context) => {
      enterCorrelation(turnCorrelation(context.activity));
      await tick();
      return true;
    });
    let background: Promise<void> | undefined;
    app.activity(ActivityTypes.Message, async (context) => {
      log.info({ activityType: context.activity.type }, 'handled');
      // A coordinator's command runs its job after the reply, as commands.ts does.
      background = (async () => { await new Promise((r) => setTimeout(r, 5)); log.info('background job'); })();
      await context.sendActivity('ok');
    });
    const adapter = new TestAdapter(async (context) => { await app.run(context); });
    await adapter.send({ type: 'message', text: 'status', id: 'teams-activity-1' } as never).assertReply('ok');
    await adapter.send({ type: 'message', text: 'status', id: 'teams-activity-2' } as never).assertReply('ok');
    await background;
    assert.deepEqual(lines().map((l) => `${String(l.msg)}@${String(l.correlationId)}`).sort(), [
      'background job@teams-activity-1', 'background job@teams-activity-2', 'handled@teams-activity-1', 'handled@teams-activity-2',
    ]);
    assert.equal(currentCorrelation(), undefined, 'nothing leaks into the test\'s own flow');
  });
});

describe('personal data in logs', () => {
  const secrets = {
    what: 'Grupper samlas vid busstationen varje kväll',
    place: 'Storgatan 12, vid kiosken',
    measures: 'Mer belysning vid gångtunneln',
    reporter: 'Erik Persson',
    command: 'rapportör lägg till x rimbo Anna Andersson | Skolan',
  };
  const answer = { grade: 3, categories: ['gatherings'], what: secrets.what, areas: ['Busstationen'], place: secrets.place, when: ['evening'], measures: secrets.measures };

  it('an answer\'s free text and people\'s names do not reach the log, whatever shape the call has', () => {
    const { log, raw } = capturingLogger('debug');
    log.info({ municipalityId: 'demo', townId: 'norrby', answer }, 'answer at the top');
    log.info({ report: { id: 'report:2026-W49:norrby:r1', answer } }, 'answer in a report');
    log.info({ municipalityId: 'demo', ...answer }, 'answer fields spread');
    log.warn({ person: { id: 'r1', name: secrets.reporter, organisation: 'Rimbo skola' } }, 'a person');
    log.debug({ activity: { id: 'a1', type: 'message', text: secrets.command, from: { id: '29:x', name: secrets.reporter }, value: { what: secrets.what } } }, 'an activity');
    log.info({ text: secrets.command }, 'a command');
    log.info({ card: { body: [{ type: 'TextBlock', text: secrets.what }] } }, 'a card');
    log.info({ deep: { a: { b: { c: { d: { form: { place: secrets.place } } } } } } }, 'deep');
    log.child({ answer, name: secrets.reporter }).info('child bindings');
    const out = raw.join('');
    for (const [field, secret] of Object.entries(secrets)) assert.ok(!out.includes(secret), `${field} leaked: ${out}`);
    assert.equal(raw.length, 9, 'every call still wrote its line');
  });

  it('ids, codes and counts still get through', () => {
    const { log, lines } = capturingLogger();
    log.info({ municipalityId: 'demo', week: '2026-W49', townId: 'norrby', revision: 2, late: false, sent: 4, failed: 0 }, 'answer saved');
    log.error({ err: new Error('store unavailable'), httpStatus: 503 }, 'send failed');
    const [saved, failed] = lines();
    assert.deepEqual(
      { m: saved?.municipalityId, w: saved?.week, t: saved?.townId, r: saved?.revision, l: saved?.late, s: saved?.sent, f: saved?.failed },
      { m: 'demo', w: '2026-W49', t: 'norrby', r: 2, l: false, s: 4, f: 0 },
    );
    assert.equal((failed?.err as { message?: string } | undefined)?.message, 'store unavailable');
    assert.equal(failed?.httpStatus, 503);
  });

  it('leaves the caller\'s own objects as they were', () => {
    const { log } = capturingLogger();
    const report = { id: 'r', answer: { ...answer } };
    log.info({ report }, 'report');
    assert.equal(report.answer.what, secrets.what);
  });
});
