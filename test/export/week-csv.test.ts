import assert from 'node:assert/strict';
import type { Municipality } from '../../domain/municipality';
import { externalVersion } from '../../domain/picture/external';
import { CSV_BOM, csvField, decisionsCsv, reportsCsv, toCsv } from '../../export/week-csv';
import { norrtalje, report, SCRIPT, weekPicture, weekReports, WEEK } from './fixture';

/** A small RFC 4180 reader: `;` between fields, CRLF between records, quotes doubled inside quoted fields. */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === '"') throw new Error(`stray quote at ${i}`);
    if (c === separator) { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\r' || c === '\n') throw new Error(`bare line break outside quotes at ${i}`);
    field += c;
    i++;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

function withoutBom(text: string): string {
  assert.ok(text.startsWith(CSV_BOM), 'no byte order mark');
  return text.slice(CSV_BOM.length);
}

describe('export: CSV', () => {
  let m: Municipality;
  before(() => { m = norrtalje(); });

  it('quotes ;, " and line breaks so that a reader gets the fields back', () => {
    const rows = [
      ['a', 'b;c', 'say "hi"', 'two\nlines', 'crlf\r\nhere', '', 'åäö ÅÄÖ', '"', ';', 'plain'],
      ['x', '  spaced  ', 'tab\there', 'end'],
    ];
    const csv = toCsv(rows);
    assert.ok(csv.startsWith(CSV_BOM));
    assert.ok(csv.endsWith('\r\n'));
    assert.deepEqual(parseCsv(withoutBom(csv)), rows);
    assert.equal(csvField('b;c'), '"b;c"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), 'a,b', 'a comma is text when the separator is ;');
  });

  it('keeps spreadsheet formulas from running', () => {
    const csv = toCsv([['=1+1', '+46 70', '-', '@SUM(A1)', 'a=b']]);
    assert.deepEqual(parseCsv(withoutBom(csv)), [['\'=1+1', '\'+46 70', '\'-', '\'@SUM(A1)', 'a=b']]);
  });

  it('has one row per answer, with every field of the answer', () => {
    const reports = weekReports(m);
    const rows = parseCsv(withoutBom(reportsCsv(reports, m)));
    const [header, ...body] = rows;
    assert.deepEqual(header, [
      'Vecka', 'Ort', 'Rapportörens organisation', 'Typ', 'Bedömning', 'Kategorier', 'Vad', 'Områden', 'Plats', 'När', 'Åtgärdsförslag',
      'Inskickad (Europe/Stockholm)', 'Ändrad (Europe/Stockholm)', 'Sen',
    ]);
    assert.equal(body.length, reports.length);
    for (const row of body) assert.equal(row.length, header?.length);

    // Rows follow the town order; within a town, the time of submission.
    assert.deepEqual(body.map((r) => r[1]), ['Rimbo', 'Rimbo', 'Rimbo', 'Rimbo', 'Rimbo', 'Rimbo', 'Norrtälje', 'Norrtälje', 'Norrtälje', 'Hallstavik']);

    const byOrganisation = (org: string) => body.find((r) => r[2] === org);
    const fritid = byOrganisation('Fritidsgården Rimbo');
    const source = reports.find((r) => r.organisation === 'Fritidsgården Rimbo');
    assert.ok(fritid && source);
    assert.deepEqual(fritid, [
      '2026-W49', 'Rimbo', 'Fritidsgården Rimbo', 'Iakttagelser', '3', 'Otrygghetsskapande samling av personer/ungdomsgrupper, Ordningsstörning/alkohol',
      source.answer.what, 'Centrum', 'bakom "Konsum"; vid återvinningen', 'Kväll', 'Fler vuxna ute; fältgruppen fredag kväll.',
      '2026-12-01 12:02:00', '2026-12-01 12:02:00', 'nej',
    ]);
    assert.ok(source.answer.what.includes('\n') && source.answer.what.includes('"'));
    assert.ok(body.some((r) => r[6]?.includes(SCRIPT)), 'text stays as typed (CSV is not HTML)');
    const late = byOrganisation('Rimbo vårdcentral');
    assert.equal(late?.[13], 'ja');
    assert.equal(late?.[12], '2026-12-01 14:20:00');
    assert.ok(late?.[6]?.startsWith('\'=HYPERLINK'), 'a formula-like text is neutralised');
    const nothing = byOrganisation('Rimbo IF');
    assert.deepEqual(nothing?.slice(3, 11), ['Inget att rapportera', '1', '', '', '', '', '', '']);
  });

  it('leaves out other municipalities\' answers and speaks English on request', () => {
    const other = { ...report(m, 'rimbo', 1, { grade: 5, what: 'Fel kommun' }), municipalityId: 'uppsala' };
    const rows = parseCsv(withoutBom(reportsCsv([...weekReports(m), other], m, 'en')));
    assert.equal(rows.length, 1 + weekReports(m).length);
    assert.equal(rows[0]?.[2], 'Reporter organisation');
    assert.ok(!rows.some((r) => r.includes('Fel kommun')));
    assert.ok(rows.some((r) => r[3] === 'Nothing to report'));
  });

  it('an empty week is just the header', () => {
    assert.deepEqual(parseCsv(withoutBom(reportsCsv([], m))).length, 1);
  });

  it('lists the meeting\'s grades, hotspots and actions, the same for both versions', () => {
    const picture = weekPicture(m);
    const csv = decisionsCsv(picture, m);
    assert.equal(decisionsCsv(externalVersion(picture), m), csv);
    const [header, ...body] = parseCsv(withoutBom(csv));
    assert.deepEqual(header, ['Vecka', 'Ort', 'Post', 'Föreslagen bedömning', 'Slutlig bedömning', 'Text', 'Plats', 'Ansvarig organisation', 'Klart senast', 'Status', 'Sedan vecka']);
    const rimbo = body.filter((r) => r[1] === 'Rimbo');
    assert.deepEqual(rimbo.map((r) => r[2]), ['Bedömning', 'Hotspot', 'Hotspot', 'Uppföljning', 'Uppföljning', 'Ny åtgärd']);
    assert.equal(rimbo[0]?.[4], '3');
    assert.equal(rimbo[2]?.[5], 'Mörk gångväg & flera larm om otrygghet');
    assert.equal(rimbo[2]?.[10], '2026-W48');
    assert.deepEqual(rimbo[3]?.slice(5), ['Byta trasig belysning vid busskuren', 'Busstationen', 'Polisen', '2026-11-25', 'Pågår', '']);
    assert.ok(!csv.includes('Beställt'), 'no action comments');
    assert.equal(body.filter((r) => r[2] === 'Bedömning').length, m.towns.length);
    assert.ok(body.every((r) => r[0] === `${WEEK.year}-W${WEEK.week}`));
  });
});
