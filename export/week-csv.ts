/**
 * The week's raw answers (and the meeting's records) as CSV for Excel and archives.
 *
 * Format, chosen for Swedish Excel, which opens the file with a double click:
 * - separator `;` (Swedish Excel's list separator, since `,` is the decimal comma);
 * - UTF-8 with a byte order mark, so Excel reads å, ä, ö right;
 * - RFC 4180 quoting: a field with `;`, `"`, CR or LF is put in double quotes, quotes doubled;
 *   lines end with CRLF; line breaks inside a field stay as they were written;
 * - a text cell that begins with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so Excel never
 *   runs a reporter's text as a formula (CSV injection);
 * - times are wall times "YYYY-MM-DD HH:MM:SS" in the municipality's zone, named in the header.
 * Reporters are identified by organisation only, as in the picture: no names or ids.
 */
import { pictureTexts } from '../cards/picture-texts';
import type { Language, Municipality } from '../domain/municipality';
import type { ExternalActionItem, ExternalPicture, ExternalTownPicture } from '../domain/picture/external';
import type { ActionItem, Picture, TownPicture } from '../domain/picture/picture';
import type { Report } from '../domain/report';
import { toLocal } from '../domain/zoned-time';
import { messages } from '../i18n';
import { exportTexts } from './export-texts';

export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';
const EOL = '\r\n';

/** One field, quoted when RFC 4180 needs it. */
export function csvField(value: string, separator: string = CSV_SEPARATOR): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Keeps spreadsheet programs from reading a text cell as a formula. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows (the first one the header) as a CSV document: BOM, `;`, CRLF, a CRLF after the last row too. */
export function toCsv(rows: string[][], separator: string = CSV_SEPARATOR): string {
  return CSV_BOM + rows.map((r) => r.map((v) => csvField(neutralizeFormula(v), separator)).join(separator) + EOL).join('');
}

function localTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const l = toLocal(at, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${l.year}-${p(l.month)}-${p(l.day)} ${p(l.hour)}:${p(l.minute)}:${p(l.second)}`;
}

/**
 * One row per answer: week, town, reporter's organisation, kind, grade, categories, what, areas,
 * place, when, measures, submitted, updated, late. Answers of other municipalities are left out;
 * rows follow the configured town order, then submission time.
 */
export function reportsCsv(reports: Report[], municipality: Municipality, language: Language = municipality.language): string {
  const m = municipality;
  const x = exportTexts(language).csv;
  const yesNo = exportTexts(language);
  const q = messages(language).questionnaire;
  const townOrder = (id: string) => {
    const i = m.towns.findIndex((t) => t.id === id);
    return i < 0 ? m.towns.length : i;
  };
  const category = (id: string) => m.categories.find((c) => c.id === id)?.label[language] ?? id;
  const rows = reports
    .filter((r) => r.municipalityId === m.id)
    .sort((a, b) => a.week.localeCompare(b.week) || townOrder(a.townId) - townOrder(b.townId) || a.townId.localeCompare(b.townId)
      || a.submittedAt.localeCompare(b.submittedAt) || a.organisation.localeCompare(b.organisation, 'sv') || a.id.localeCompare(b.id))
    .map((r) => [
      r.week,
      m.towns.find((t) => t.id === r.townId)?.name ?? r.townId,
      r.organisation,
      x.kinds[r.kind],
      String(r.answer.grade),
      r.answer.categories.map(category).join(', '),
      r.answer.what,
      r.answer.areas.join(', '),
      r.answer.place,
      r.answer.when.map((w) => q[w] ?? w).join(', '),
      r.answer.measures,
      localTime(r.submittedAt, m.timeZone),
      localTime(r.updatedAt, m.timeZone),
      r.late ? yesNo.yes : yesNo.no,
    ]);
  const header = [
    x.week, x.town, x.organisation, x.kind, x.grade, x.categories, x.what, x.areas, x.place, x.when, x.measures,
    x.submittedAt(m.timeZone), x.updatedAt(m.timeZone), x.late,
  ];
  return toCsv([header, ...rows]);
}

type AnyTown = TownPicture | ExternalTownPicture;
type AnyAction = ActionItem | ExternalActionItem;

/**
 * The meeting's records of the week, one row each: every town's grade (proposed, final, the
 * situation at large), its open hotspots, the actions followed up and the new ones. Owners
 * appear by organisation only, and no comments, so internal and external pictures give the same file.
 */
export function decisionsCsv(picture: Picture | ExternalPicture, municipality: Municipality, language: Language = municipality.language): string {
  const x = exportTexts(language).csv;
  const statuses = pictureTexts(language).actions.statuses;
  const header = [x.week, x.town, x.record, x.proposed, x.final, x.text, x.place, x.owner, x.due, x.status, x.since];
  const rows: string[][] = [];
  for (const town of picture.towns as AnyTown[]) {
    const base = [picture.week, town.name];
    rows.push([...base, x.records.grade, String(town.proposal.grade ?? ''), String(town.finalGrade ?? ''), town.situation, '', '', '', '', '']);
    for (const h of town.openHotspots) rows.push([...base, x.records.hotspot, '', '', h.reason, h.place, '', '', '', h.sinceWeek]);
    const action = (kind: string, a: AnyAction) => {
      const place = a.hotspotId === undefined ? '' : town.openHotspots.find((h) => h.id === a.hotspotId)?.place ?? '';
      rows.push([...base, kind, '', '', a.what, place, a.ownerOrganisation ?? '', a.due, statuses[a.status], '']);
    };
    for (const a of town.followUp as AnyAction[]) action(x.records.followUp, a);
    for (const a of town.newActions as AnyAction[]) action(x.records.newAction, a);
  }
  return toCsv([header, ...rows]);
}
