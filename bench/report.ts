import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { LoadResult } from './http-load.js';

/** PASS/MISS against a DESIGN §4 goal; `info` where no goal applies; `skipped`/`error` when not measured. */
export type Verdict = 'PASS' | 'MISS' | 'info' | 'skipped' | 'error';

/** One line of the report: the figure, the goal next to it, and whether it was met. */
export interface ReportRow {
  id: string;
  label: string;
  /** The headline figure as printed, e.g. "1,034 tickets/s". */
  figure: string;
  load?: LoadResult;
  /** Server CPU per 2xx answer, in ms. */
  cpuMsPerRequest?: number | null;
  peakRssMb?: number | null;
  ratio?: number;
  goal: string;
  verdict: Verdict;
  note?: string;
}

export interface Report {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryMb: number; node: string; platform: string };
  seconds: number;
  rows: ReportRow[];
}

export function machine(): Report['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n < 10 ? n.toFixed(1) : String(Math.round(n))),
  mb: (n: number | null | undefined) => (n === null || n === undefined ? '' : `${Math.round(n)} MB`),
};

const COLUMNS = ['Measurement', 'Figure', 'p50 ms', 'p99 ms', 'non-2xx/err', 'CPU ms/req', 'Peak RSS', 'Goal (DESIGN §4)', 'Result'];

/** A plain-text table: one row per figure, its goal and verdict beside it, notes underneath. */
export function formatTable(report: Report): string {
  const cells = report.rows.map((row) => [
    row.label,
    row.figure,
    fmt.ms(row.load?.p50Ms),
    fmt.ms(row.load?.p99Ms),
    row.load ? `${row.load.non2xx}/${row.load.errors}` : '',
    row.cpuMsPerRequest === null || row.cpuMsPerRequest === undefined ? '' : row.cpuMsPerRequest.toFixed(2),
    fmt.mb(row.peakRssMb),
    row.goal,
    row.verdict,
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => (i >= 1 && i <= 6 ? value.padStart(widths[i]!) : value.padEnd(widths[i]!))).join('  ').trimEnd();
  const notes = report.rows.filter((row) => row.note).map((row) => `  ${row.label}: ${row.note}`);
  const m = report.machine;
  return [
    `Switchboard benchmarks: ${m.cpus} × ${m.cpuModel}, ${fmt.int(m.memoryMb)} MB, node ${m.node}, ${report.generatedAt}, ${Math.round(report.seconds)} s`,
    '',
    line(COLUMNS),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}

export function writeReport(path: string, report: Report): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
