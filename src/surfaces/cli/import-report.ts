import { writeFileSync } from 'node:fs';
import type { ImportSummary } from '../../commands/import-records.js';

/** One line per rejected row on stderr, for the person at the terminal. */
export function printRejections(summary: ImportSummary, stream: NodeJS.WritableStream = process.stderr): void {
  for (const { row, code, message, path } of summary.rejected) {
    stream.write(`row ${row}: ${code}${path ? ` at ${path}` : ''}: ${message}\n`);
  }
}

/** The report as JSON, for scripts: what was imported from where and every rejected row. */
export function writeReport(file: string, report: { kind: string; file: string; summary: ImportSummary }): void {
  const { kind, summary } = report;
  const body = {
    kind, file: report.file, imported: summary.imported, outcomes: summary.outcomes, dry_run: summary.dryRun, rejected: summary.rejected,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}
