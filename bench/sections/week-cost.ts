import http from 'node:http';
import { promptsDue } from '../../domain/answer-rate';
import type { Municipality } from '../../domain/municipality';
import { sweep } from '../../scheduler/weekly-scheduler';
import { BENCH_WEEK_KEY, THURSDAY_1000, THURSDAY_1005, TUESDAY_0900, TUESDAY_1000, TUESDAY_1100, TUESDAY_1230, WEDNESDAY_1430 } from '../bench-week';
import type { BenchStore } from '../bench-store';
import { startBotUnderTest } from '../bot-under-test';
import { executeActivity, postJson } from '../invoke';
import { RateLimitedChannel } from '../rate-limited-channel';
import { seedConversations } from '../seed-conversations';
import { addTally, emptyTally, StoreOpCounter, tallyBetween, type OpTally } from '../store-ops';

/** The scheduler's catch-up sweep runs every five minutes: 12 an hour, all week. */
export const SWEEPS_PER_WEEK = 12 * 24 * 7;

/** Share of (reporter, town) questionnaires answered before the deadline; two reporters say they are away. */
const ANSWERED_SHARE = 0.8;
const AWAY = 2;

export interface WeekPhase {
  name: string;
  tally: OpTally;
}

/** Days whose first sweep is not among the measured phases (all but Tuesday and Wednesday). */
const OTHER_DAYS = 5;

export interface WeekCostFigures {
  phases: WeekPhase[];
  /** A day's first sweep on a quiet day (Thursday 10:00): daily jobs, if any; counted for OTHER_DAYS. */
  dailySweep: OpTally;
  /** A sweep that finds nothing to do (Thursday 10:05): counted for every other sweep of the week. */
  idleSweep: OpTally;
  idleSweeps: number;
  answers: number;
  weeklyRu: number;
  weeklyRoundTrips: number;
}

/**
 * A whole week of one municipality through the bot, every store request counted: Tuesday's
 * prompts (scheduler sweep, with its lease), answers and absences through /api/messages, both
 * reminder rounds, Wednesday's picture in the meeting channel, and the scheduler's sweeps on
 * the other days and in between (a day's first sweep, then idle ones, every five minutes).
 * Conversation references are seeded beforehand, as after installs; that is not counted.
 */
export async function runWeekCost(store: BenchStore, m: Municipality): Promise<WeekCostFigures> {
  const stores = await store.open('week');
  const channel = await RateLimitedChannel.start();
  const counter = new StoreOpCounter(store.port);
  const agent = new http.Agent({ keepAlive: true });
  try {
    await seedConversations(stores.conversations, m, channel.serviceUrl);
    const { bot, clock } = await startBotUnderTest(stores, [m], TUESDAY_0900);
    const phases: WeekPhase[] = [];
    const phase = async (name: string, at: string, run: () => Promise<void>): Promise<OpTally> => {
      clock.set(at);
      const before = counter.snapshot();
      await run();
      const tally = tallyBetween(before, counter.snapshot());
      phases.push({ name, tally });
      return tally;
    };
    try {
      await phase('Tuesday prompts', TUESDAY_0900, () => sweep(bot.deps.jobs));
      const due = promptsDue(m);
      const away = new Set(m.reporters.slice(-AWAY).map((r) => r.id));
      const answering = due.filter((d) => !away.has(d.reporter.id)).slice(0, Math.round(due.length * ANSWERED_SHARE));
      const post = (userId: string, verb: string, townId: string, extra: Record<string, unknown> = {}) => postJson(agent, `${bot.url}/api/messages`,
        executeActivity(channel.serviceUrl, m.tenantId, userId, verb, { verb, municipalityId: m.id, week: BENCH_WEEK_KEY, townId, ...extra }));
      await phase('answers and absences', TUESDAY_1000, async () => {
        for (const { reporter, town } of answering) {
          await post(reporter.id, 'submitReport', town.id, { grade: '2', categories: 'littering', what: 'Nedskräpning vid busshållplatsen', areas: town.areas[0] ?? '' });
        }
        for (const id of away) await post(id, 'reportAway', m.reporters.find((r) => r.id === id)!.towns[0]!);
      });
      await phase('reminders 11:00', TUESDAY_1100, () => sweep(bot.deps.jobs));
      await phase('reminders 12:30', TUESDAY_1230, () => sweep(bot.deps.jobs));
      await phase('Wednesday picture', WEDNESDAY_1430, () => sweep(bot.deps.jobs));
      const sweepAt = async (at: string): Promise<OpTally> => {
        clock.set(at);
        const before = counter.snapshot();
        await sweep(bot.deps.jobs);
        return tallyBetween(before, counter.snapshot());
      };
      const dailySweep = await sweepAt(THURSDAY_1000);
      const idleSweep = await sweepAt(THURSDAY_1005);
      // The measured phases hold four sweeps (answers come through the bot, not a sweep).
      const idleSweeps = SWEEPS_PER_WEEK - 4 - OTHER_DAYS;
      const measured = phases.reduce((sum, p) => addTally(sum, p.tally), emptyTally());
      const total = addTally(addTally(measured, dailySweep, OTHER_DAYS), idleSweep, idleSweeps);
      return {
        phases, dailySweep, idleSweep, idleSweeps, answers: answering.length, weeklyRu: total.ru,
        weeklyRoundTrips: total.count.pointRead + total.count.query + total.count.write,
      };
    } finally {
      await bot.stop();
    }
  } finally {
    agent.destroy();
    counter.dispose();
    await channel.stop();
    await stores.close();
  }
}
