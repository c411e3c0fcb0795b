import assert from 'node:assert/strict';
import type { Municipality } from '../../domain/municipality';
import { externalVersion } from '../../domain/picture/external';
import type { Picture } from '../../domain/picture/picture';
import { escapeHtml, weekSummaryDocument, weekSummaryHtml } from '../../export/week-html';
import { norrtalje, OBSERVATION_WORDS, SCRIPT, weekPicture } from './fixture';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function images(html: string): Array<{ src: string; alt: string }> {
  return [...html.matchAll(/<img\s[^>]*>/g)].map(([tag]) => ({
    src: /\ssrc="([^"]*)"/.exec(tag)?.[1] ?? '',
    alt: /\salt="([^"]*)"/.exec(tag)?.[1] ?? '',
  }));
}

function gradeLabel(m: Municipality, level: number | undefined): string {
  return m.scale.find((g) => g.level === level)?.label.sv ?? '';
}

describe('export: week summary HTML', function () {
  this.timeout(60_000);
  let m: Municipality;
  let picture: Picture;
  let html: string;
  let external: string;
  let english: string;

  before(async () => {
    m = norrtalje();
    picture = weekPicture(m);
    const exportedAt = new Date('2026-12-02T16:00:00Z');
    html = await weekSummaryDocument(picture, m, 'sv', { exportedAt });
    external = await weekSummaryDocument(externalVersion(picture), m, 'sv', { exportedAt });
    english = weekSummaryHtml(picture, m, 'en', { exportedAt });
  });

  it('escapes a <script> a reporter typed, and the page has no script of its own', () => {
    assert.ok(!html.includes(SCRIPT), 'the raw script is in the page');
    assert.ok(!/<script/i.test(html), 'a <script> tag is in the page');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'the escaped text is missing');
    // The meeting's own text is escaped too.
    assert.ok(html.includes('&lt;b&gt;inte fetstil&lt;/b&gt;'));
    assert.ok(!html.includes('<b>inte fetstil</b>'));
  });

  it('is one accessible document: language, title, headings, table headers', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="sv">/);
    assert.match(english, /<html lang="en">/);
    assert.match(html, /<title>Lägesbild v\. 49 – Norrtälje kommun<\/title>/);
    assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1);
    assert.match(html, /<th scope="col">/);
    assert.match(html, /<th scope="row">/);
    assert.match(html, /Lägesbildsmöte onsdag 2 december 2026/);
    assert.match(html, /Preliminär: mötet har inte fastställt veckan ännu\./);
    assert.match(english, /Situation meeting Wednesday, 2 December 2026/);
  });

  it('has every town\'s heading with its grade label, and the rule explained', () => {
    for (const town of picture.towns) {
      const grade = town.finalGrade ?? town.proposal.grade;
      const heading = new RegExp(`<h2 id="town-${town.townId}">${town.name} <span class="heading-grade"><span class="badge"[^>]*>${grade} ${gradeLabel(m, grade)}</span>`);
      assert.match(html, heading, `${town.name}: heading with grade`);
    }
    const rimbo = picture.towns.find((t) => t.townId === 'rimbo');
    assert.equal(rimbo?.finalGrade, 3);
    assert.match(html, /Slutlig bedömning:<\/span> <span class="badge" style="background:#EF6C00;color:#000000">3 Förhöjd oro<\/span>/);
    // Proposed 4 (the higher middle of 1, 2, 3, 4, 4, 4); the meeting set 3.
    assert.match(html, /<p class="rule">1 svar med &quot;inget att rapportera&quot; räknas som 1; medianen av 6 svar är 4\.<\/p>/);
  });

  it('embeds a valid PNG trend chart for each town, with the weeks\' grades as alt text', () => {
    const imgs = images(html);
    assert.equal(imgs.length, picture.towns.length);
    for (const [i, img] of imgs.entries()) {
      const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(img.src);
      assert.ok(match, `image ${i} is not a PNG data URL`);
      const png = Buffer.from(match[1] ?? '', 'base64');
      assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE, `image ${i}: PNG signature`);
      assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
      const town = picture.towns[i];
      assert.ok(town);
      for (const point of town.trend.series) assert.ok(img.alt.includes(point.label), `${town.name}: alt lacks ${point.label}`);
    }
    const rimbo = imgs[0]?.alt ?? '';
    assert.match(rimbo, /v\. 45: –/, 'a week without a grade is said to be missing');
    assert.match(rimbo, /v\. 49: 3 Förhöjd oro/);
  });

  it('refers to nothing outside the file', () => {
    for (const doc of [html, external, english]) {
      const refs = [...doc.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((r) => r[1] ?? '');
      assert.ok(refs.length > 0);
      for (const ref of refs) assert.ok(ref.startsWith('data:image/png;base64,') || ref.startsWith('#'), `external reference: ${ref.slice(0, 40)}`);
      assert.ok(!/(?:src|href)\s*=\s*["']?\s*https?:/i.test(doc));
      assert.ok(!/url\(|@import/i.test(doc), 'CSS loads something');
    }
  });

  it('shows the observations internally and none of their text externally', () => {
    for (const word of OBSERVATION_WORDS) assert.ok(html.includes(word), `internal lacks ${word}`);
    for (const town of picture.towns) {
      for (const o of town.observations) {
        for (const text of [o.what, o.measures, o.place].filter((s) => s.trim() !== '')) {
          assert.ok(!external.includes(escapeHtml(text)), `external shows "${text.slice(0, 40)}"`);
        }
      }
    }
    for (const word of OBSERVATION_WORDS) assert.ok(!external.includes(word), `external shows ${word}`);
    assert.ok(!external.includes('alert'), 'external shows the script text');
    // Nor reporters' or owners' names, nor action comments.
    for (const r of m.reporters) assert.ok(!external.includes(escapeHtml(r.name)), `external names ${r.name}`);
    assert.ok(!external.includes('Karin Trygg'));
    assert.ok(!external.includes('Beställt'));
    assert.ok(html.includes('Beställt; leverans v. 50'));
    assert.match(external, /Extern version/);
    // The meeting's texts and the counts stay.
    assert.ok(external.includes('Samlingar och skadegörelse kvällstid'));
    assert.ok(external.includes('Byta trasig belysning vid busskuren'));
    assert.equal(images(external).length, picture.towns.length);
  });

  it('without charts it still says the trend in words', () => {
    const plain = weekSummaryHtml(picture, m, 'sv');
    assert.equal(images(plain).length, 0);
    assert.match(plain, /Bedömning per vecka: v\. 42: 1 Normalläge/);
  });
});

describe('export: escapeHtml', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    assert.equal(escapeHtml('<a href="x">Tom & Jerry\'s</a> åäö'), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; åäö');
    assert.equal(escapeHtml('&amp;'), '&amp;amp;');
  });
});
