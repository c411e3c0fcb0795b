/**
 * The week's picture as one self-contained HTML page: the municipality's record of the weekly
 * meeting (the documentation Lag 2023:196 asks of the crime prevention work). No external
 * resources: the CSS is inline and the trend charts are PNG data URLs, so the file can be
 * archived, mailed or printed as it is. Every text from users or configuration is escaped.
 *
 * The external version (`ExternalPicture`) has no observations, reporters' names or action
 * comments to begin with; this page shows what it is given and nothing more.
 */
import { explainGradeRule } from '../cards/picture-rule';
import { answerRateText, formatCompiledAt, formatMeetingDate } from '../cards/picture-format';
import { pictureTexts } from '../cards/picture-texts';
import type { Language, Municipality } from '../domain/municipality';
import type { ExternalActionItem, ExternalPicture, ExternalTownPicture } from '../domain/picture/external';
import type { ActionItem, Observation, OpenHotspot, Picture, TownPicture } from '../domain/picture/picture';
import { messages } from '../i18n';
import { exportTexts } from './export-texts';
import { pngSize, trendAltText, trendChartPng, type TrendChartOptions } from './trend-chart';

/** PNG bytes of each town's trend chart, by town id. */
export type TrendCharts = ReadonlyMap<string, Uint8Array>;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const e = escapeHtml;

export function isExternal(picture: Picture | ExternalPicture): picture is ExternalPicture {
  return (picture as Partial<ExternalPicture>).external === true;
}

/** Adaptive Card colour names a configuration may use instead of hex, as Teams' light theme shows them. */
const NAMED_COLOURS: Record<string, string> = {
  good: '#2E7D32', warning: '#F9A825', attention: '#C62828', accent: '#0F6CBD', dark: '#242424', light: '#FFFFFF', default: '#616161',
};

function cssColour(colour: string | undefined): string {
  if (colour === undefined) return '#8A8886';
  if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour)) return colour;
  return NAMED_COLOURS[colour.toLowerCase()] ?? '#8A8886';
}

/** Black or white text, whichever contrasts more with the background (WCAG relative luminance). */
function textOn(background: string): string {
  const hex = background.length === 4 ? background.replace(/[0-9a-f]/gi, (c) => c + c).slice(1) : background.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05) / (l + 0.05) >= (l + 0.05) / 0.05 ? '#FFFFFF' : '#000000';
}

function gradeName(m: Municipality, level: number | undefined, language: Language): string {
  if (level === undefined) return pictureTexts(language).noGrade;
  return `${level} ${m.scale.find((g) => g.level === level)?.label[language] ?? ''}`.trim();
}

/** A grade as a coloured badge; the number and label carry it too, so colour is never the only cue. */
function badge(m: Municipality, level: number | undefined, language: Language): string {
  const bg = cssColour(level === undefined ? undefined : m.scale.find((g) => g.level === level)?.colour);
  const cls = level === undefined ? 'badge none' : 'badge';
  const style = level === undefined ? '' : ` style="background:${bg};color:${textOn(bg)}"`;
  return `<span class="${cls}"${style}>${e(gradeName(m, level, language))}</span>`;
}

function anchor(townId: string): string {
  return `town-${townId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`;
}

function table(caption: string, head: string[], rows: string[][], options: { rowHeaders?: boolean; numeric?: number[] } = {}): string {
  const numeric = new Set(options.numeric ?? []);
  const cell = (value: string, i: number) => {
    const cls = numeric.has(i) ? ' class="num"' : '';
    return i === 0 && options.rowHeaders !== false ? `<th scope="row"${cls}>${value}</th>` : `<td${cls}>${value}</td>`;
  };
  return `<table>
<caption class="visually-hidden">${e(caption)}</caption>
<thead><tr>${head.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

function empty(text: string): string {
  return `<p class="empty">${e(text)}</p>`;
}

type AnyTown = TownPicture | ExternalTownPicture;
type AnyAction = ActionItem | ExternalActionItem;

function isInternalTown(town: AnyTown): town is TownPicture {
  return 'observations' in town;
}

function answerCounts(town: AnyTown): { answered: number; nothing: number; missing: number; away: number; late: number | undefined } {
  if (isInternalTown(town)) {
    const a = town.answers;
    return {
      answered: a.answered.length, nothing: a.nothingToReport.length, missing: a.missing.length, away: a.away.length,
      late: [...a.answered, ...a.nothingToReport].filter((r) => r.late).length,
    };
  }
  const a = town.answers;
  return { answered: a.answered, nothing: a.nothingToReport, missing: a.missing, away: a.away, late: undefined };
}

function gradeSection(m: Municipality, town: AnyTown, language: Language): string {
  const t = pictureTexts(language).town;
  const rule = explainGradeRule(town.proposal.rule, language);
  return `<div class="grades">
<p class="grade-line"><span class="grade-title">${e(t.final)}:</span> ${town.finalGrade === undefined ? `<span class="badge none">${e(t.notSet)}</span>` : badge(m, town.finalGrade, language)}</p>
<p class="grade-line"><span class="grade-title">${e(t.proposed)}:</span> ${badge(m, town.proposal.grade, language)}</p>
${rule === '' ? '' : `<p class="rule">${e(rule)}</p>`}
<p class="last-week">${e(t.lastWeek)}: ${e(town.lastWeekFinalGrade === undefined ? t.lastWeekNone : gradeName(m, town.lastWeekFinalGrade, language))}</p>
</div>
${town.situation.trim() === '' ? '' : `<h3>${e(t.situation)}</h3>\n<p class="situation">${e(town.situation)}</p>`}`;
}

function trendSection(m: Municipality, town: AnyTown, language: Language, chart: Uint8Array | undefined): string {
  const t = pictureTexts(language).trend;
  const x = exportTexts(language);
  const alt = trendAltText(town.trend, m, language);
  if (chart === undefined) return `<h3>${e(t.label)}</h3>\n<p>${e(alt)}</p>`;
  const { width, height } = pngSize(chart);
  // Rendered at double density: shown at half its pixel size, sharp on screens and paper.
  const src = `data:image/png;base64,${Buffer.from(chart).toString('base64')}`;
  return `<h3>${e(t.label)}</h3>
<figure class="trend">
<img src="${src}" alt="${e(alt)}" width="${Math.round(width / 2)}" height="${Math.round(height / 2)}">
<figcaption>${e(t.direction[town.trend.direction])} ${e(x.trendLegend)}</figcaption>
</figure>`;
}

function answersSection(town: AnyTown, language: Language): string {
  const t = pictureTexts(language).answers;
  const x = exportTexts(language);
  const c = answerCounts(town);
  const answered = c.answered + c.nothing;
  const rows = [
    [e(t.answered), String(c.answered)],
    [e(t.nothing), String(c.nothing)],
    // Internal only: who was late is the reporters' business, how many is the meeting's.
    ...(c.late === undefined ? [] : [[`<span class="sub">${e(x.late)}</span>`, String(c.late)]]),
    [e(t.missing), String(c.missing)],
    [e(t.away), String(c.away)],
  ];
  return `<h3>${e(t.label)}</h3>
<p>${e(answerRateText(answered, answered + c.missing, language))}</p>
${table(t.label, [t.label, x.count], rows, { numeric: [1] })}`;
}

function categoriesSection(m: Municipality, town: AnyTown, language: Language): string {
  const t = pictureTexts(language).categories;
  const x = exportTexts(language);
  if (town.categoryCounts.length === 0) return `<h3>${e(t.label)}</h3>\n${empty(t.empty)}`;
  const rows = town.categoryCounts.map((c) => [
    e(m.categories.find((k) => k.id === c.categoryId)?.label[language] ?? c.categoryId),
    String(c.thisWeek),
    c.lastWeek === null ? e(x.notKnown) : String(c.lastWeek),
  ]);
  return `<h3>${e(t.label)}</h3>\n${table(t.label, [x.category, x.thisWeek, x.lastWeek], rows, { numeric: [1, 2] })}`;
}

function observationsSection(m: Municipality, observations: Observation[], language: Language): string {
  const t = pictureTexts(language).observations;
  const q = messages(language).questionnaire;
  const x = exportTexts(language);
  if (observations.length === 0) return `<h3>${e(t.label)}</h3>\n${empty(t.empty)}`;
  const items = observations.map((o, i) => {
    const facts: Array<[string, string]> = [
      [t.where, [...o.areas, o.place].filter((p) => p.trim() !== '').join(', ')],
      [t.when, o.when.map((w) => q[w]).join(', ')],
      [t.categories, o.categories.map((id) => m.categories.find((c) => c.id === id)?.label[language] ?? id).join(', ')],
    ];
    const shown = facts.filter(([, v]) => v !== '');
    return `<article class="observation">
<h4>${e(x.observation(i + 1))}: ${badge(m, o.grade, language)} <span class="org">${e(o.organisation)}</span></h4>
${o.what.trim() === '' ? '' : `<p class="what">${e(o.what)}</p>`}
${shown.length === 0 ? '' : `<dl>${shown.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`}
${o.measures.trim() === '' ? '' : `<p class="measures">${e(t.measures(o.measures))}</p>`}
</article>`;
  });
  return `<h3>${e(t.label)}</h3>\n${items.join('\n')}`;
}

function placesSection(town: AnyTown, language: Language): string {
  const t = pictureTexts(language).places;
  const x = exportTexts(language);
  if (town.places.length === 0) return `<h3>${e(t.label)}</h3>\n${empty(t.empty)}`;
  return `<h3>${e(t.label)}</h3>\n${table(t.label, [x.place, x.mentions], town.places.map((p) => [e(p.place), String(p.count)]), { numeric: [1] })}`;
}

function hotspotsSection(hotspots: OpenHotspot[], language: Language): string {
  const t = pictureTexts(language).hotspots;
  if (hotspots.length === 0) return `<h3>${e(t.label)}</h3>\n${empty(t.empty)}`;
  return `<h3>${e(t.label)}</h3>
<ul class="hotspots">
${hotspots.map((h) => `<li><strong>${e(h.place)}</strong> <span class="since">(${e(t.since(h.sinceLabel))})</span><br>${e(h.reason)}</li>`).join('\n')}
</ul>`;
}

function ownerOf(a: AnyAction, language: Language): string {
  const t = pictureTexts(language).actions;
  if ('ownerId' in a) {
    if (a.ownerName === undefined) return t.unknownOwner;
    return `${a.ownerName}${a.ownerOrganisation ? ` (${a.ownerOrganisation})` : ''}`;
  }
  return a.ownerOrganisation ?? '–';
}

function actionsSection(title: string, emptyText: string, actions: AnyAction[], hotspots: OpenHotspot[], internal: boolean, language: Language): string {
  const t = pictureTexts(language).actions;
  const x = exportTexts(language);
  if (actions.length === 0) return `<h3>${e(title)}</h3>\n${empty(emptyText)}`;
  const head = [x.what, t.owner, x.due, t.status, t.hotspot, ...(internal ? [t.comment] : [])];
  const rows = actions.map((a) => {
    const hotspot = a.hotspotId === undefined ? undefined : hotspots.find((h) => h.id === a.hotspotId);
    const comment = 'lastComment' in a ? a.lastComment ?? '' : '';
    return [
      e(a.what),
      e(ownerOf(a, language)),
      `${e(a.due)}${a.overdue ? ` <strong class="overdue">${e(x.overdue)}</strong>` : ''}`,
      e(t.statuses[a.status]),
      e(hotspot?.place ?? ''),
      ...(internal ? [e(comment)] : []),
    ];
  });
  return `<h3>${e(title)}</h3>\n${table(title, head, rows)}`;
}

function townSection(m: Municipality, town: AnyTown, language: Language, chart: Uint8Array | undefined): string {
  const t = pictureTexts(language);
  const internal = isInternalTown(town);
  const id = anchor(town.townId);
  return `<section class="town" aria-labelledby="${id}">
<h2 id="${id}">${e(town.name)} <span class="heading-grade">${badge(m, town.finalGrade ?? town.proposal.grade, language)}</span></h2>
${gradeSection(m, town, language)}
${trendSection(m, town, language, chart)}
${answersSection(town, language)}
${categoriesSection(m, town, language)}
${internal ? observationsSection(m, town.observations, language) : ''}
${placesSection(town, language)}
${hotspotsSection(town.openHotspots, language)}
${actionsSection(t.actions.followUp, t.actions.followUpEmpty, town.followUp, town.openHotspots, internal, language)}
${actionsSection(t.actions.newActions, t.actions.newEmpty, town.newActions, town.openHotspots, internal, language)}
</section>`;
}

function overviewSection(m: Municipality, picture: Picture | ExternalPicture, language: Language): string {
  const x = exportTexts(language);
  const t = pictureTexts(language).overview;
  const rows = picture.overview.towns.map((o) => {
    const town = picture.towns.find((tp) => tp.townId === o.townId);
    const source = town?.finalGrade !== undefined ? t.final : o.grade !== undefined ? t.proposed : '';
    return [
      `<a href="#${anchor(o.townId)}">${e(o.name)}</a>`,
      `${badge(m, o.grade, language)}${source ? ` <span class="source">(${e(source)})</span>` : ''}`,
      e(answerRateText(o.answered, o.expected, language)),
    ];
  });
  const rate = picture.overview.answerRate;
  rows.push([e(t.total), '', e(answerRateText(rate.answered, rate.expected, language))]);
  return `<section aria-labelledby="overview">
<h2 id="overview">${e(x.overview)}</h2>
${table(x.overview, [x.town, x.grade, x.answers], rows)}
</section>`;
}

const CSS = `
:root { color-scheme: light; --ink: #242424; --subtle: #616161; --line: #d1d1d1; --accent: #0f6cbd; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  color: var(--ink); background: #fff; margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 3rem; line-height: 1.45; font-size: 1rem; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h1 .municipality { display: block; font-size: 1.1rem; font-weight: 600; color: var(--subtle); }
h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); display: flex; align-items: center; gap: .75rem; flex-wrap: wrap; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 0 0 .35rem; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
p { margin: .25rem 0 .5rem; }
.meta { color: var(--subtle); margin: .15rem 0; }
.status { display: inline-block; font-weight: 600; padding: .2rem .6rem; border-radius: .25rem; margin: .5rem 0 .25rem; }
.status.final { background: #e7f2e8; color: #1b5e20; }
.status.preliminary { background: #fff4ce; color: #6d4c00; }
.note { font-size: .9rem; color: var(--subtle); }
.badge { display: inline-block; padding: .1rem .55rem; border-radius: .25rem; font-weight: 600; font-size: .95rem; border: 1px solid rgba(0,0,0,.15); }
.badge.none { background: #f3f2f1; color: var(--subtle); }
.heading-grade .badge { font-size: .9rem; }
.grades { background: #faf9f8; border: 1px solid var(--line); border-radius: .4rem; padding: .75rem 1rem; }
.grade-title { display: inline-block; min-width: 12rem; font-weight: 600; }
.rule, .last-week { color: var(--subtle); font-size: .95rem; }
.situation { white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .75rem; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.trend { margin: .25rem 0 .75rem; }
figure.trend img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: .25rem; }
figcaption { color: var(--subtle); font-size: .9rem; }
.observation { border-left: 4px solid var(--line); padding: .4rem .9rem; margin: .6rem 0; background: #fcfcfc; }
.observation .org { color: var(--subtle); font-weight: 600; }
.what, .measures { white-space: pre-wrap; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .35rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.hotspots li { margin-bottom: .4rem; }
.since, .source { color: var(--subtle); }
.sub { padding-left: 1.25rem; font-weight: normal; color: var(--subtle); }
.overdue { color: #b10e1c; }
.empty { color: var(--subtle); font-style: italic; }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--subtle); font-size: .85rem; }
a { color: var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section.town { break-before: page; }
  .observation, tr, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .badge, .status, .grades { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export interface WeekSummaryOptions {
  /** Each town's trend chart as PNG (see `trendCharts`); a town without one gets the trend in words. */
  charts?: TrendCharts;
  /** When the export was made; default now. */
  exportedAt?: Date;
}

/**
 * The page, synchronously, from the picture and already rendered charts. vega renders
 * asynchronously, so `weekSummaryDocument` is the one-call version that renders the charts too.
 */
export function weekSummaryHtml(picture: Picture | ExternalPicture, municipality: Municipality, language: Language, options: WeekSummaryOptions = {}): string {
  const m = municipality;
  const t = pictureTexts(language);
  const x = exportTexts(language);
  const external = isExternal(picture);
  const title = x.documentTitle(picture.weekLabel, m.name);
  const exportedAt = formatCompiledAt((options.exportedAt ?? new Date()).toISOString(), m.timeZone);
  const towns = (picture.towns as AnyTown[]).map((town) => townSection(m, town, language, options.charts?.get(town.townId)));
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lagesbild-bot">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(t.overview.title(picture.weekLabel))} <span class="municipality">${e(m.name)}</span></h1>
<p class="meta">${e(t.town.subtitle(formatMeetingDate(picture.meetingDate, language)))} · ${e(x.weekKey(picture.week))}</p>
<p class="status ${picture.finalized ? 'final' : 'preliminary'}">${e(picture.finalized ? t.overview.finalized : t.overview.preliminary)}</p>
<p class="meta">${e(t.overview.compiled(formatCompiledAt(picture.compiledAt, m.timeZone)))}</p>
<p class="note">${e(external ? t.town.external : x.internal)}</p>
<p class="note">${e(x.record)}</p>
</header>
<main>
${overviewSection(m, picture, language)}
${towns.join('\n')}
</main>
<footer>
<p>${e(x.generated(exportedAt))}</p>
</footer>
</body>
</html>
`;
}

/** Every town's trend chart, rendered one after another (vega views are cheap; PNG encoding is not parallel anyway). */
export async function trendCharts(picture: Picture | ExternalPicture, municipality: Municipality, language: Language, options: TrendChartOptions = {}): Promise<Map<string, Buffer>> {
  const charts = new Map<string, Buffer>();
  for (const town of picture.towns as AnyTown[]) charts.set(town.townId, await trendChartPng(town.trend, municipality, language, options));
  return charts;
}

/** The complete page with its charts: `trendCharts`, then `weekSummaryHtml`. */
export async function weekSummaryDocument(picture: Picture | ExternalPicture, municipality: Municipality, language: Language, options: Omit<WeekSummaryOptions, 'charts'> = {}): Promise<string> {
  const charts = await trendCharts(picture, municipality, language);
  return weekSummaryHtml(picture, municipality, language, { ...options, charts });
}
