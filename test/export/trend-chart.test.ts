import assert from 'node:assert/strict';
import type { Municipality } from '../../domain/municipality';
import type { Trend } from '../../domain/picture/trend';
import { pngSize, trendAltText, trendChartPng, trendChartSvg } from '../../export/trend-chart';
import { norrtalje } from './fixture';

const trend: Trend = {
  direction: 'up',
  series: [
    { week: '2026-W42', label: 'v. 42', grade: 1, source: 'final' },
    { week: '2026-W43', label: 'v. 43', grade: 2, source: 'final' },
    { week: '2026-W44', label: 'v. 44', grade: 2, source: 'final' },
    { week: '2026-W45', label: 'v. 45', grade: null, source: null },
    { week: '2026-W46', label: 'v. 46', grade: 2, source: 'final' },
    { week: '2026-W47', label: 'v. 47', grade: 3, source: 'final' },
    { week: '2026-W48', label: 'v. 48', grade: 2, source: 'final' },
    { week: '2026-W49', label: 'v. 49', grade: 4, source: 'proposed' },
  ],
};

describe('export: trend chart', function () {
  this.timeout(60_000);
  let m: Municipality;
  before(() => { m = norrtalje(); });

  it('draws every week on the x axis and the scale\'s labels on the y axis, breaking the line at a missing week', async () => {
    const svg = await trendChartSvg(trend, m, 'sv');
    assert.match(svg, /^<svg /);
    for (const p of trend.series) assert.ok(svg.includes(`>${p.label}</text>`), `x label ${p.label}`);
    for (const g of m.scale) assert.ok(svg.includes(`>${g.level} ${g.label.sv}</text>`), `y label ${g.level}`);
    const line = /<g class="mark-line role-mark[^"]*"[^>]*><path [^>]*d="([^"]+)"/.exec(svg);
    assert.ok(line, 'no line in the chart');
    assert.equal((line[1]?.match(/M/g) ?? []).length, 2, 'the gap at v. 45 splits the line in two');
    assert.ok(!/https?:\/\/(?!www\.w3\.org)/.test(svg), 'the SVG refers to something outside');
  });

  it('renders a PNG at double density', async () => {
    const png = await trendChartPng(trend, m, 'en');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const size = pngSize(png);
    assert.ok(size.width > 1000 && size.height > 400, `size ${size.width}×${size.height}`);
    const single = pngSize(await trendChartPng(trend, m, 'en', { density: 1 }));
    assert.equal(single.width * 2, size.width);
  });

  it('says the same in words, gaps and proposals included', () => {
    assert.equal(trendAltText(trend, m, 'en'),
      'Grade per week: v. 42: 1 Normal; v. 43: 2 Watch; v. 44: 2 Watch; v. 45: –; v. 46: 2 Watch; v. 47: 3 Elevated concern; v. 48: 2 Watch; v. 49: 4 Serious (proposed). Higher than last week.');
  });

  it('draws a town without any grade as an empty chart', async () => {
    const none: Trend = { direction: 'unknown', series: trend.series.map((p) => ({ ...p, grade: null, source: null })) };
    const png = await trendChartPng(none, m, 'sv');
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  });
});
