import { fixedClock } from '../../domain/clock';
import type { Municipality } from '../../domain/municipality';
import { startBot, type RunningBot } from '../../host';
import { createLogger, silentLogger } from '../../observability/logger';
import { LocalCosmos } from '../../store/local-cosmos';
import { storesOn, type Stores } from '../../store/open-store';
import { personalConversationId, type ActivityContext, type User } from './activities';
import { sampleMunicipality } from './sample-municipality';
import { TeamsChannel } from './teams-channel';

export { sampleMunicipality };

export interface HarnessOptions {
  now: string;
  municipality?: Municipality;
  /** Persist the local store here, to test restarts. */
  dataDir?: string;
  botId?: string;
}

/**
 * The whole bot on loopback: the Cosmos-compatible server, a channel server playing Teams, and
 * the bot itself over HTTP, with a clock the test moves.
 */
export class BotHarness {
  private constructor(
    readonly cosmos: LocalCosmos, readonly stores: Stores, readonly channel: TeamsChannel, public bot: RunningBot,
    readonly clock: ReturnType<typeof fixedClock>, readonly m: Municipality,
  ) {}

  static async start(options: HarnessOptions): Promise<BotHarness> {
    const m = options.municipality ?? sampleMunicipality();
    const cosmos = await LocalCosmos.start({ database: 'test', dataDir: options.dataDir });
    const connection = await cosmos.connect();
    const stores = storesOn(connection, 'test', async () => connection.dispose());
    const channel = await TeamsChannel.start();
    const clock = fixedClock(options.now);
    const bot = await BotHarness.startBotOn(stores, m, clock, options.botId);
    return new BotHarness(cosmos, stores, channel, bot, clock, m);
  }

  private static startBotOn(stores: Stores, m: Municipality, clock: ReturnType<typeof fixedClock>, botId?: string): Promise<RunningBot> {
    return startBot({
      bot: botId ? { appId: botId, password: 'not-a-real-secret', type: 'MultiTenant' } : { type: 'MultiTenant' },
      port: 0, host: '127.0.0.1', municipalities: [m], stores, log: process.env.TEST_LOG ? createLogger(process.env.TEST_LOG) : silentLogger, clock, scheduler: false, instanceId: 'test-instance',
      queue: { backoff: { baseMs: 5, capMs: 50 }, defaultRetryAfterMs: 50 },
    });
  }

  /** Stops the bot process part and starts it again on the same store. */
  async restartBot(): Promise<void> {
    await this.bot.stop();
    this.bot = await BotHarness.startBotOn(this.stores, this.m, this.clock);
  }

  get ctx(): ActivityContext {
    return { serviceUrl: this.channel.serviceUrl, tenantId: this.m.tenantId };
  }

  /** Posts an activity to /api/messages as the Teams channel would; returns status and body. */
  async post(activity: object, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.bot.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) as unknown : undefined };
  }

  /** The card in an Action.Execute invoke response, or the message text if it answered with one. */
  static invokeCard(body: unknown): Record<string, unknown> | undefined {
    const b = body as { type?: string; value?: unknown };
    return b?.type === 'application/vnd.microsoft.card.adaptive' ? b.value as Record<string, unknown> : undefined;
  }

  static invokeMessage(body: unknown): string | undefined {
    const b = body as { type?: string; value?: unknown };
    return b?.type === 'application/vnd.microsoft.activity.message' ? String(b.value) : undefined;
  }

  cardsFor(user: User): Array<Record<string, unknown>> {
    return this.channel.cardsIn(personalConversationId(user));
  }

  textsFor(user: User): string[] {
    return this.channel.textsIn(personalConversationId(user));
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.stores.close();
    await this.cosmos.stop();
    await this.channel.stop();
  }
}

/** Every text in a card's JSON, for "does the card say X" assertions. */
export function cardText(card: unknown): string {
  return JSON.stringify(card);
}
