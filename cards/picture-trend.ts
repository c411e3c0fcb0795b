import type { Language } from '../domain/municipality';
import type { Trend } from '../domain/picture/trend';
import type { TrendView } from './picture-town-model';
import { pictureTexts } from './picture-texts';

/**
 * The trend as chart points plus the same weeks in words. The words are the chart's fallback,
 * so clients without Teams' charts (and screen readers) get every week, gaps included.
 */
export function trendView(trend: Trend, language: Language): TrendView {
  const t = pictureTexts(language).trend;
  const points = trend.series.flatMap((p) => (p.grade === null ? [] : [{ x: p.label, y: p.grade }]));
  const words = trend.series.map((p) => {
    if (p.grade === null) return `${p.label}: ${t.missing}`;
    return `${p.label}: ${p.grade}${p.source === 'proposed' ? ` (${t.proposed})` : ''}`;
  });
  return {
    label: t.label,
    chartTitle: t.chartTitle,
    xAxis: t.xAxis,
    yAxis: t.yAxis,
    legend: t.legend,
    points,
    text: t.text(words.join('; ')),
    direction: t.direction[trend.direction],
  };
}
