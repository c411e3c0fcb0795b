/**
 * Exports one week's picture as record files (HTML + CSV), from the same store the bot uses.
 *
 *   npm run export-week -- --municipality norrtalje --week 2026-W49 --out exports/ [--external] [--language en]
 *
 * Reads the environment like the bot (MUNICIPALITY_CONFIG, COSMOS_*, DATA_DIR) and only reads
 * the store; it may run while the bot runs. `--week` takes "2026-W49", "v. 49" or "49"; without it, the current week.
 */
import { parseArgs } from 'node:util';
import { EnvError, loadEnv } from '../config/env';
import { ConfigError, loadMunicipality } from '../config/load-municipality';
import { Directory } from '../domain/directory';
import { weekKey } from '../domain/iso-week';
import type { Language } from '../domain/municipality';
import { currentWeek } from '../domain/round';
import { parseWeekArgument } from '../domain/week-argument';
import { exportWeek } from '../export/export-week';
import { openStoreForReading } from '../export/read-only-store';

const USAGE = `Usage: node dist/scripts/export-week.js --municipality <id> [--week 2026-W49] [--out exports/] [--external] [--language sv|en]

  --municipality  id of a municipality in MUNICIPALITY_CONFIG (may be left out when there is only one)
  --week          ISO week: "2026-W49", "v. 49" or "49" (default: the current week)
  --out           folder for the files (default: exports/)
  --external      the external version (no reporters' texts or names, no answers CSV)
  --language      sv or en (default: the municipality's language)`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      municipality: { type: 'string', short: 'm' },
      week: { type: 'string', short: 'w' },
      out: { type: 'string', short: 'o', default: 'exports' },
      external: { type: 'boolean', default: false },
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.language !== undefined && values.language !== 'sv' && values.language !== 'en') {
    throw new UsageError(`--language must be sv or en, not "${values.language}"`);
  }

  const config = loadEnv();
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
  const ids = municipalities.map((m) => m.id);
  const id = values.municipality ?? (ids.length === 1 ? ids[0] : undefined);
  if (id === undefined) throw new UsageError(`--municipality is required (configured: ${ids.join(', ')})`);
  if (!ids.includes(id)) throw new UsageError(`unknown municipality "${id}" (configured: ${ids.join(', ')})`);

  const now = new Date();
  // Read only: with the embedded store, a memory copy of the data file (the bot may be using it).
  const stores = await openStoreForReading({ ...config.cosmos, dataDir: config.dataDir });
  try {
    const m = await new Directory(municipalities, stores.registry).current(id);
    const week = parseWeekArgument(values.week, currentWeek(m, now));
    if (!week) throw new UsageError(`--week: cannot read "${values.week}"; write e.g. 2026-W49`);
    const files = await exportWeek({
      stores, municipality: m, week, outDir: values.out ?? 'exports', external: values.external ?? false,
      ...(values.language ? { language: values.language as Language } : {}), now,
    });
    process.stdout.write(`${m.name}, ${weekKey(week)}${values.external ? ' (external version)' : ''}, from ${stores.description}:\n`);
    for (const f of files) process.stdout.write(`  ${f.path} (${f.bytes} bytes)\n`);
  } finally {
    await stores.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`export-week: ${err.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const message = err instanceof EnvError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`export-week failed:\n${message}\n`);
  process.exit(1);
});
