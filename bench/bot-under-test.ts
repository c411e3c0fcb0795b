import { fixedClock } from '../domain/clock';
import type { Municipality } from '../domain/municipality';
import { startBot, type RunningBot } from '../host';
import type { SendQueueOptions } from '../delivery';
import { silentLogger } from '../observability/logger';
import type { Stores } from '../store/open-store';

export interface BotUnderTest {
  bot: RunningBot;
  clock: ReturnType<typeof fixedClock>;
}

/**
 * The whole bot as `index.ts` composes it (host.ts `startBot`), anonymous, on a loopback port,
 * without its own scheduler (the bench runs the jobs), with production queue settings unless told
 * otherwise. The domain clock is fixed at `now`; the send queue keeps real time.
 */
export async function startBotUnderTest(stores: Stores, municipalities: Municipality[], now: string, queue?: SendQueueOptions): Promise<BotUnderTest> {
  const clock = fixedClock(now);
  const bot = await startBot({
    bot: { type: 'MultiTenant' }, port: 0, host: '127.0.0.1', municipalities, stores, log: silentLogger, clock,
    scheduler: false, instanceId: 'bench', ...(queue ? { queue } : {}),
  });
  return { bot, clock };
}
