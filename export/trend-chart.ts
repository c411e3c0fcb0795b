/**
 * A town's grade trend (the picture's last eight weeks) as a chart image for exports and
 * documents outside Teams: vega-lite compiled to vega, rendered to SVG without a browser or a
 * native canvas, then to PNG with resvg. Weeks without a grade show as gaps in the line.
 */
import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { Language, Municipality } from '../domain/municipality';
import type { Trend } from '../domain/picture/trend';
import { pictureTexts } from '../cards/picture-texts';
import { importEsm } from './esm';

/** The little of vega's API used here (its own types do not resolve under `moduleResolution: node`). */
interface VegaLib {
  parse(spec: object): unknown;
  View: new (runtime: unknown, options: { renderer: 'none' }) => { toSVG(): Promise<string>; finalize(): void };
}
interface VegaLiteLib {
  compile(spec: object): { spec: object };
}

export interface TrendChartOptions {
  /** Plot width in CSS pixels (axes come on top); default 520. */
  width?: number;
  /** Plot height in CSS pixels; default 200. */
  height?: number;
  /** Pixel density of the PNG; default 2, so it stays sharp on high-density screens and in print. */
  density?: number;
}

/** A font stack resvg finds on Debian (Liberation Sans, DejaVu Sans) and that reads like Arial elsewhere. */
const FONT = 'Liberation Sans, Arial, DejaVu Sans, sans-serif';
const INK = '#242424';
const SUBTLE = '#616161';
const LINE = '#5B6770';
/** A generous average glyph width of Liberation Sans / Arial, in em, for sizing the label column. */
const LABEL_EM = 0.52;

function gradeLabel(m: Municipality, level: number, language: Language): string {
  return `${level} ${m.scale.find((g) => g.level === level)?.label[language] ?? ''}`.trim();
}

/** "datum.value === 1 ? \"1 Normalläge\" : …": strings go in as JSON literals, never as code. */
function labelExpression(m: Municipality, language: Language): string {
  return m.scale.reduceRight<string>(
    (rest, g) => `datum.value === ${Number(g.level)} ? ${JSON.stringify(gradeLabel(m, g.level, language))} : ${rest}`,
    'datum.label',
  );
}

/** The vega-lite specification of the chart; exported for tests and for anyone embedding it elsewhere. */
export function trendChartSpec(trend: Trend, m: Municipality, language: Language, options: TrendChartOptions = {}): object {
  const t = pictureTexts(language).trend;
  const levels = m.scale.map((g) => g.level);
  const colours = m.scale.map((g) => g.colour);
  const points = trend.series.map((p, i) => ({ i, week: p.label, grade: p.grade, source: p.source }));
  const bands = m.scale.map((g) => ({ level: g.level, lo: g.level - 0.5, hi: g.level + 0.5 }));
  const y = {
    field: 'grade',
    type: 'quantitative',
    scale: { domain: [0.5, 5.5], nice: false, zero: false },
    axis: {
      title: null,
      values: levels,
      labelExpr: labelExpression(m, language),
      grid: false,
      ticks: false,
      domain: false,
      labelPadding: 6,
      // Long configured labels ("5 Mycket allvarligt läge") are shown whole.
      labelLimit: 0,
    },
  };
  const x = {
    field: 'week',
    type: 'ordinal',
    // The series is in time order; across New Year "v. 52" comes before "v. 1".
    sort: points.map((p) => p.week),
    axis: { title: t.xAxis, labelAngle: 0, ticks: false, domainColor: '#C7C7C7' },
  };
  const gradeColour = { type: 'ordinal', domain: levels, range: colours };
  // Without a canvas vega can only guess text widths, and guesses wide; so the chart is laid out
  // by hand: the plot is width × height, the axes sit in padding sized for the longest label.
  const longest = Math.max(...levels.map((l) => gradeLabel(m, l, language).length));
  return {
    width: options.width ?? 520,
    height: options.height ?? 200,
    autosize: { type: 'none' },
    background: 'white',
    padding: { left: Math.ceil(longest * LABEL_EM * 12) + 18, right: 16, top: 10, bottom: 40 },
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFont: FONT, titleFont: FONT, labelColor: INK, titleColor: SUBTLE, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal' },
    },
    data: { values: points },
    layer: [
      {
        // Faint bands in the grade colours behind the line, so a level reads at a glance.
        data: { values: bands },
        mark: { type: 'rect', opacity: 0.12 },
        encoding: {
          y: { field: 'lo', type: 'quantitative', scale: y.scale, axis: y.axis },
          y2: { field: 'hi' },
          color: { field: 'level', type: 'ordinal', scale: gradeColour, legend: null },
        },
      },
      {
        // `break-paths…` keeps a null week as a gap instead of joining its neighbours.
        mark: { type: 'line', color: LINE, strokeWidth: 2, invalid: 'break-paths-show-path-domains' },
        encoding: { x, y },
      },
      {
        // Final grades filled, proposals hollow (the alt text says which is which).
        mark: { type: 'point', size: 110, strokeWidth: 2.5, opacity: 1, invalid: 'filter' },
        encoding: {
          x,
          y,
          stroke: { field: 'grade', type: 'ordinal', scale: gradeColour, legend: null },
          fill: {
            condition: { test: "datum.source === 'proposed'", value: 'white' },
            field: 'grade', type: 'ordinal', scale: gradeColour, legend: null,
          },
        },
      },
    ],
  };
}

/** The chart as SVG text. */
export async function trendChartSvg(trend: Trend, m: Municipality, language: Language, options: TrendChartOptions = {}): Promise<string> {
  const [vega, vegaLite] = await Promise.all([importEsm<VegaLib>('vega'), importEsm<VegaLiteLib>('vega-lite')]);
  const compiled = vegaLite.compile(trendChartSpec(trend, m, language, options)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG bytes (white background). */
export async function trendChartPng(trend: Trend, m: Municipality, language: Language, options: TrendChartOptions = {}): Promise<Buffer> {
  const svg = await trendChartSvg(trend, m, language, options);
  const density = options.density ?? 2;
  return new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: density }, font: fontOptions() }).render().asPng();
}

/** Liberation Sans (metric-compatible with Arial) and DejaVu Sans, where Debian and most Linux put them. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
];

let fonts: ResvgRenderOptions['font'] | undefined;

/**
 * The chart's fonts: the known files when present (about three times faster than scanning every
 * system font, emoji fonts included, for each chart), else whatever the system has.
 */
function fontOptions(): ResvgRenderOptions['font'] {
  if (!fonts) {
    const files = FONT_FILES.filter((f) => existsSync(f));
    const family = files.some((f) => f.includes('Liberation')) ? 'Liberation Sans' : 'DejaVu Sans';
    fonts = files.length > 0
      ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: family, sansSerifFamily: family }
      : { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' };
  }
  return fonts;
}

/**
 * The chart in words, for the image's alt text: every week in order, gaps and proposals
 * included, e.g. "Bedömning per vecka: v. 41: 1 Normalläge; v. 42: –; … v. 48: 3 Förhöjd oro (förslag)."
 */
export function trendAltText(trend: Trend, m: Municipality, language: Language): string {
  const t = pictureTexts(language).trend;
  const words = trend.series.map((p) => {
    if (p.grade === null) return `${p.label}: ${t.missing}`;
    return `${p.label}: ${gradeLabel(m, p.grade, language)}${p.source === 'proposed' ? ` (${t.proposed})` : ''}`;
  });
  return `${t.text(words.join('; '))} ${t.direction[trend.direction]}`;
}

/** Reads width and height from a PNG's IHDR chunk; for the `<img>` size at density 1. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
