import type { BenchReport } from './report';

/** One plain-text table (Markdown-compatible), then the footnotes. */
export function renderTable(report: BenchReport, notes: string[]): string {
  const header = ['Section', 'Figure', 'Value', 'Target', 'Status'];
  const body = report.rows.map((r) => [r.section, r.figure, r.value, r.target, r.status === 'info' ? '' : r.status]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const met = report.rows.filter((r) => r.status === 'MET').length;
  const missed = report.rows.filter((r) => r.status === 'MISSED').length;
  return [
    `lagesbild-bot bench${report.quick ? ' --quick (small sizes: figures are indicative, targets are for the full run)' : ''}`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
    '',
    ...notes,
    `${met} targets met, ${missed} missed; ${report.seconds.toFixed(0)} s on ${report.cpus} CPUs, load average ${report.loadAverage.toFixed(1)} at the end (the machine may be shared: compare CPU figures across runs).`,
  ].join('\n');
}
