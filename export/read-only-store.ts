/**
 * The stores for an export, which only reads. With Azure Cosmos DB that is the normal store.
 * With the embedded local store, the data file is loaded into a memory-only local server, so the
 * export can never write the file: the bot may be running on the same data folder, and a
 * second process saving its (older) snapshot there would undo the bot's newer writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTAINERS, type ContainerName } from '../store/containers';
import { LocalCosmos } from '../store/local-cosmos';
import { openStore, storesOn, type StoreConfig, type Stores } from '../store/open-store';

/** Reads `<dataDir>/<database>.json` as `LocalCosmos` saves it: documents by container name. */
function loadSnapshot(file: string): Partial<Record<ContainerName, object[]>> {
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<ContainerName, object[]>>;
}

export async function openStoreForReading(config: StoreConfig): Promise<Stores> {
  if (config.endpoint) return openStore(config);
  const file = join(config.dataDir, `${config.database}.json`);
  const snapshot = loadSnapshot(file);
  // Without a data folder the local server keeps everything in memory and saves nothing.
  const local = await LocalCosmos.start({ database: config.database });
  const cosmos = await local.connect();
  for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
    for (const doc of snapshot[name] ?? []) await cosmos.container(name).items.upsert(doc);
  }
  const what = existsSync(file) ? file : `${file}, which does not exist yet`;
  return storesOn(cosmos, `a read-only copy of the embedded local store (${what})`, async () => {
    cosmos.dispose();
    await local.stop();
  });
}
