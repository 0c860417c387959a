import { stringify } from 'csv-stringify/sync';
import type { TSchema } from 'typebox';
import { csvColumns, encodeRow } from '../../records/csv-columns.js';
import {
  AgentOutputRow, DistributionRow, FiguresRow, LeaderboardRowOutput, PerformerOutput, SeriesOutput, SlaTargetOutput, type MetricsTable,
} from './metrics-schemas.js';
import type { presentMetricsReport } from './metrics-presenter.js';

type PresentedReport = ReturnType<typeof presentMetricsReport>;

/** Each table of the CSV export: its row schema (which names the columns) and its rows. */
const TABLES: Record<MetricsTable, { schema: TSchema; rows(report: PresentedReport): object[] }> = {
  figures: {
    schema: FiguresRow,
    rows: (report) => [
      { scope: 'total', key: null, label: 'all', ...report.totals },
      ...report.groups.map((group) => ({ scope: 'group', ...group })),
    ],
  },
  series: { schema: SeriesOutput, rows: (report) => report.series },
  agents: { schema: AgentOutputRow, rows: (report) => report.agents },
  leaderboard: { schema: LeaderboardRowOutput, rows: (report) => report.leaderboard },
  sla_targets: { schema: SlaTargetOutput, rows: (report) => report.sla_targets },
  distributions: {
    schema: DistributionRow,
    rows: (report) => [
      ...report.distributions.first_response.map((band) => ({ measure: 'first_response', ...band })),
      ...report.distributions.resolution.map((band) => ({ measure: 'resolution', ...band })),
    ],
  },
  best_performers: { schema: PerformerOutput, rows: (report) => report.best_performers },
};

/**
 * One table of the report as CSV: a header of dotted column names (`first_response_s.median`),
 * the same ones the JSON nests; empty cells for null; text a spreadsheet would run is escaped.
 */
export function metricsCsv(report: PresentedReport, table: MetricsTable): string {
  const { schema, rows } = TABLES[table];
  const columns = csvColumns(schema);
  return stringify([columns.map((column) => column.name), ...rows(report).map((row) => encodeRow(columns, row))]);
}
