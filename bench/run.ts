import { runBench } from './run-bench';
import { footnotes } from './rows';
import { renderTable } from './table';

/**
 * `npm run bench [-- --quick]`: prints one table of figures against their targets. Progress
 * goes to stderr, the table to stdout. Exits 1 only if a card was lost or duplicated.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const report = await runBench({ quick, progress: (line) => process.stderr.write(`bench: ${line}\n`) });
  process.stdout.write(`${renderTable(report, footnotes(report.figures))}\n`);
  const lostOrDuplicated = report.rows.some((r) => r.id.endsWith('lostDuplicated') && r.status === 'MISSED');
  process.exitCode = lostOrDuplicated ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(2);
});
