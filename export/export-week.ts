/**
 * Writes one week's record files for a municipality: the HTML page and the CSV files. The
 * picture is compiled exactly as the meeting's cards compile it (`compileWeek`), and nothing is
 * written to the store.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IsoWeek } from '../domain/iso-week';
import { weekKey } from '../domain/iso-week';
import type { Language, Municipality } from '../domain/municipality';
import { externalVersion } from '../domain/picture/external';
import type { MeetingStore, WeeklyStore } from '../domain/ports';
import { compileWeek } from '../scheduler/compile-week';
import { decisionsCsv, reportsCsv } from './week-csv';
import { weekSummaryDocument } from './week-html';

export interface ExportWeekInput {
  stores: { weekly: WeeklyStore; meeting: MeetingStore };
  /** The municipality as it is now (configuration plus chat changes to the reporter list). */
  municipality: Municipality;
  week: IsoWeek;
  outDir: string;
  /** The external version: no reporters' texts or names, and so no answers CSV. */
  external?: boolean;
  language?: Language;
  now?: Date;
}

export interface ExportedFile {
  path: string;
  bytes: number;
  kind: 'html' | 'answers' | 'decisions';
}

/** "lagesbild-norrtalje-2026-W49", plus "-extern" for the external version. */
export function exportBaseName(municipalityId: string, week: IsoWeek, external: boolean): string {
  const safeId = municipalityId.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `lagesbild-${safeId}-${weekKey(week)}${external ? '-extern' : ''}`;
}

/**
 * Internal: `<base>.html`, `<base>.csv` (the raw answers) and `<base>-beslut.csv` (grades,
 * hotspots, actions). External: `<base>-extern.html` and `<base>-extern-beslut.csv`.
 */
export async function exportWeek(input: ExportWeekInput): Promise<ExportedFile[]> {
  const m = input.municipality;
  const now = input.now ?? new Date();
  const language = input.language ?? m.language;
  const external = input.external ?? false;
  const internalPicture = await compileWeek(input.stores, m, input.week, now);
  const picture = external ? externalVersion(internalPicture) : internalPicture;
  const base = join(input.outDir, exportBaseName(m.id, input.week, external));

  const files: Array<{ path: string; kind: ExportedFile['kind']; content: string }> = [
    { path: `${base}.html`, kind: 'html', content: await weekSummaryDocument(picture, m, language, { exportedAt: now }) },
  ];
  if (!external) {
    const { reports } = await input.stores.weekly.listWeek(m.id, weekKey(input.week));
    files.push({ path: `${base}.csv`, kind: 'answers', content: reportsCsv(reports, m, language) });
  }
  files.push({ path: `${base}-beslut.csv`, kind: 'decisions', content: decisionsCsv(picture, m, language) });

  mkdirSync(input.outDir, { recursive: true });
  return files.map((f) => {
    writeFileSync(f.path, f.content, 'utf8');
    return { path: f.path, kind: f.kind, bytes: Buffer.byteLength(f.content, 'utf8') };
  });
}
