import type { Municipality } from '../../domain/municipality';
import { sendPrompts } from '../../scheduler/prompts-job';
import { TUESDAY_0900 } from '../bench-week';
import type { BenchStore } from '../bench-store';
import { startBotUnderTest } from '../bot-under-test';
import { auditCards } from '../card-audit';
import { withCpu } from '../cpu-meter';
import { RateLimitedChannel, TEAMS_CHANNEL_LIMITS } from '../rate-limited-channel';
import { seedConversations } from '../seed-conversations';
import { settleAfterFailure } from '../settle';
import { StoreOpCounter } from '../store-ops';

export interface FanoutFigures {
  /** Cards the municipality expects: one per reporter and town. */
  expected: number;
  /** Cards the channel accepted. */
  cards: number;
  /** From the start of `sendPrompts` until the channel accepted the last card. */
  seconds: number;
  sendsPerSecond: number;
  /** Achieved sends/s ÷ the channel's per-tenant limit. */
  ratio: number;
  throttled: number;
  lost: number;
  duplicated: number;
  /** CPU of this process (bot and channel) per expected card. */
  cpuMsPerCard: number;
  /** The job's own account: its counts, or what it threw (the cards it had under way still go out). */
  jobOutcome: string;
}

/**
 * One Tuesday's prompts for a municipality, through the bot started as in production, against
 * the channel that enforces Teams' limits. Everyone has a stored conversation reference.
 */
export async function runFanout(store: BenchStore, m: Municipality): Promise<FanoutFigures> {
  const stores = await store.open(`fanout-${m.id}`);
  const channel = await RateLimitedChannel.start();
  const counter = new StoreOpCounter(store.port);
  try {
    await seedConversations(stores.conversations, m, channel.serviceUrl);
    const { bot } = await startBotUnderTest(stores, [m], TUESDAY_0900);
    try {
      const started = Date.now();
      let threw: string | undefined;
      const { result, cpuMs } = await withCpu(async () => {
        try {
          return await sendPrompts(bot.deps.jobs, m.id);
        } catch (err) {
          threw = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
          await settleAfterFailure(bot.queue, counter, () => channel.stats.accepted + channel.stats.throttled);
          return undefined;
        }
      });
      const tally = channel.stats;
      const seconds = tally.lastAt === undefined ? Number.NaN : (tally.lastAt - started) / 1_000;
      const audit = auditCards(m, channel.cardsPerConversationAndTown());
      const limit = TEAMS_CHANNEL_LIMITS.perTenant[0]!.limit;
      const sendsPerSecond = tally.cards === 0 ? 0 : tally.cards / Math.max(seconds, 1e-3);
      return {
        expected: audit.expected, cards: tally.cards, seconds, sendsPerSecond, ratio: sendsPerSecond / limit, throttled: tally.throttled,
        lost: audit.lost, duplicated: audit.duplicated, cpuMsPerCard: cpuMs / Math.max(1, audit.expected),
        jobOutcome: result ? `sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}` : `threw ${threw ?? 'unknown'}`,
      };
    } finally {
      await bot.stop();
    }
  } finally {
    counter.dispose();
    await channel.stop();
    await stores.close();
  }
}
