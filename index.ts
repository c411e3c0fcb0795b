// Telemetry first, before anything loads http or the Azure SDKs, so that their calls are traced.
// (TypeScript keeps this order in its CommonJS output; imports above a statement are not hoisted.)
import { startTelemetry } from './observability/telemetry';
const telemetry = startTelemetry(process.env.APPLICATIONINSIGHTS_CONNECTION_STRING);
import { ConfigError, loadMunicipality } from './config/load-municipality';
import { EnvError, loadEnv } from './config/env';
import { offsetClock } from './domain/offset-clock';
import { createLogger } from './observability/logger';
import { startBot } from './host';
import { openStore } from './store/open-store';

/** Composition root: configuration → store → bot → scheduler. */
async function main(): Promise<void> {
  const config = loadEnv();
  const log = createLogger(config.logLevel);
  const problems: string[] = [];
  const municipalities = config.municipalityFiles.flatMap((file) => {
    try {
      return [loadMunicipality(file)];
    } catch (err) {
      if (err instanceof ConfigError) problems.push(err.message);
      else throw err;
      return [];
    }
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const stores = await openStore({ ...config.cosmos, dataDir: config.dataDir });
  const bot = await startBot({
    bot: config.bot, port: config.port, municipalities, stores, log, scheduler: config.scheduler, instanceId: config.instanceId,
    // LAGESBILD_FAKE_NOW (tests and demos): the domain clock starts there and runs in real time.
    ...(config.fakeNow ? { clock: offsetClock(config.fakeNow) } : {}),
  });
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down: finishing sends in flight');
    await bot.stop();
    await stores.close();
    await telemetry?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  // Logged once the signals are handled: from here a SIGTERM finishes what is in hand.
  log.info({ port: bot.port, store: stores.description, municipalities: municipalities.map((m) => m.id), anonymous: !config.bot.appId, ...(config.fakeNow ? { fakeNow: config.fakeNow } : {}) }, 'lagesbild-bot ready');
}

main().catch((err: unknown) => {
  const message = err instanceof EnvError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`lagesbild-bot could not start:\n${message}\n`);
  process.exit(1);
});
