import { resolve } from 'node:path';
import { LocalCosmos } from '../store/local-cosmos';

// A Cosmos DB-compatible server on loopback for several bot processes to share, for tests and
// demos of running more than one instance without an Azure account:
//
//   node dist/scripts/local-store.js [--port 8081] [--data-dir .data/shared] [--database lagesbild]
//
// It prints the environment each bot process needs. Its certificate is self-signed and expired,
// which the bot accepts only with COSMOS_ALLOW_SELF_SIGNED_LOOPBACK=true and a loopback endpoint.
// Ctrl-C stops it and saves the documents to the data folder (if one was given).

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(option('port') ?? 8081);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${option('port')}`);
  const database = option('database') ?? 'lagesbild';
  const dataDir = option('data-dir');
  const store = await LocalCosmos.start({ port, database, ...(dataDir ? { dataDir: resolve(dataDir) } : {}) });
  process.stdout.write([
    `local store on ${store.endpoint} (${dataDir ? `saved to ${resolve(dataDir)}` : 'in memory'}); for each bot process:`,
    `  COSMOS_ENDPOINT=${store.endpoint} COSMOS_KEY=local COSMOS_DATABASE=${database} COSMOS_ALLOW_SELF_SIGNED_LOOPBACK=true`,
    '  plus a distinct PORT and INSTANCE_ID; LAGESBILD_FAKE_NOW=<ISO instant> starts its clock there.',
    '',
  ].join('\n'));
  const stop = () => { void store.stop().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`local store could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
