import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv } from '../config/env';
import { loadMunicipality } from '../config/load-municipality';
import { CONTAINERS, type ContainerName } from '../store/containers';
import { LocalCosmos } from '../store/local-cosmos';
import { openStore, storesOn, type Stores } from '../store/open-store';

/**
 * The embedded store's data file, loaded into a server of our own that never writes it back:
 * LocalCosmos with a data folder saves on stop, and that save could overwrite what the running
 * bot wrote since we read the file.
 */
async function readOnlyLocalStore(dataDir: string, database: string): Promise<Stores> {
  const file = join(dataDir, `${database}.json`);
  if (!existsSync(file)) throw new Error(`no embedded store at ${file} (set DATA_DIR, or COSMOS_ENDPOINT for Azure)`);
  const local = await LocalCosmos.start({ database });
  const cosmos = await local.connect();
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<ContainerName, object[]>>;
  for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
    for (const doc of snapshot[name] ?? []) await cosmos.container(name).items.upsert(doc);
  }
  return storesOn(cosmos, `copy of ${file}`, async () => {
    cosmos.dispose();
    await local.stop();
  });
}

/**
 * Writes everything stored about one person as JSON to stdout, for an export too large for
 * chat: `npm run --silent export-person -- <municipality> <user id> > person.json`.
 * Reads only (with the bot's environment: COSMOS_*, DATA_DIR, MUNICIPALITY_CONFIG), so it writes
 * no audit entry either; exports made in chat are in the audit trail.
 */
async function main(argv: string[]): Promise<number> {
  const [municipalityId, userId] = argv;
  if (!municipalityId || !userId || argv.length !== 2) {
    process.stderr.write('usage: npm run --silent export-person -- <municipality id> <user id>\n');
    return 2;
  }
  const config = loadEnv();
  const known = config.municipalityFiles.map((file) => loadMunicipality(file).id);
  if (!known.includes(municipalityId)) {
    process.stderr.write(`unknown municipality "${municipalityId}" (configured: ${known.join(', ')})\n`);
    return 2;
  }
  const stores = config.cosmos.endpoint
    ? await openStore({ ...config.cosmos, dataDir: config.dataDir })
    : await readOnlyLocalStore(config.dataDir, config.cosmos.database);
  try {
    const exported = await stores.personData.exportPerson(municipalityId, userId);
    process.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`export-person failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
