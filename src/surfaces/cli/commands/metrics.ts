import type { Command } from 'commander';
import { metricsReportQuery } from '../../../commands/metrics/metrics-report.js';
import { DomainError } from '../../../domain/errors.js';
import { METRICS_GROUPS, METRICS_INTERVALS, type MetricsGroupBy, type MetricsInterval } from '../../../domain/metrics/metrics-query.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { CHANNELS, PRIORITIES } from '../../../domain/ticket/ticket.js';
import { metricsCsv } from '../../wire/metrics/metrics-csv.js';
import { metricsFilter } from '../../wire/metrics/metrics-filter.js';
import { presentMetricsReport } from '../../wire/metrics/metrics-presenter.js';
import { METRICS_TABLES, type MetricsTable } from '../../wire/metrics/metrics-schemas.js';
import { systemClock } from '../../runtime.js';
import { formatMetrics } from '../metrics-table.js';
import { withDatabaseOptions } from '../options.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printJson } from '../print-json.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli metrics' };

interface MetricsFlags extends DatabaseFlags {
  from?: string;
  to?: string;
  groupBy?: string;
  interval?: string;
  queue?: string;
  agent?: string;
  type?: string;
  channel?: string;
  priority?: string;
  table: string;
  json?: boolean;
  csv?: boolean;
}

function timeFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) usageError(`--${name} must be an ISO 8601 date or time (2026-03-01 or 2026-03-01T09:00:00Z); got "${value}".`);
  return ms;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) usageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}

/** `switchboard metrics`: the figures of GET /v1/metrics as tables, JSON or CSV. */
export function registerMetrics(program: Command): void {
  exitTwoOnUsageError(withDatabaseOptions(program.command('metrics')))
    .description('volume, backlog, response and resolution times, SLA, escalation and agent figures over a time range (docs/metrics.md)')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--from <time>', 'start of the range, ISO 8601 (default: a week before --to)')
    .option('--to <time>', 'end of the range, not included (default: now)')
    .option('--group-by <field>', `one row of figures per ${METRICS_GROUPS.join(', ')}`)
    .option('--interval <size>', `add a series (volume, backlog, CSAT) per ${METRICS_INTERVALS.join(', ')} (UTC; weeks from Monday)`)
    .option('--queue <id>', 'only tickets in this queue now')
    .option('--agent <id>', 'only tickets this agent (agt_…) holds now')
    .option('--type <type>', 'only tickets of this type')
    .option('--channel <channel>', `only tickets from this channel: ${CHANNELS.join(', ')}`)
    .option('--priority <priority>', `only tickets of this priority: ${PRIORITIES.join(', ')}`)
    .option('--json', 'print the report as JSON, as the API returns it')
    .option('--csv', 'print one table as CSV (see --table)')
    .option('--table <name>', `the CSV table: ${METRICS_TABLES.join(', ')}`, 'figures')
    .action((flags: MetricsFlags) => {
      if (flags.json && flags.csv) usageError('Give --json or --csv, not both.');
      const table = oneOf<MetricsTable>(flags.table, METRICS_TABLES, 'table')!;
      const request = {
        from: timeFlag(flags.from, 'from'),
        to: timeFlag(flags.to, 'to'),
        groupBy: oneOf<MetricsGroupBy>(flags.groupBy, METRICS_GROUPS, 'group-by'),
        interval: oneOf<MetricsInterval>(flags.interval, METRICS_INTERVALS, 'interval'),
        filter: metricsFilter({
          ...flags, channel: oneOf(flags.channel, CHANNELS, 'channel'), priority: oneOf(flags.priority, PRIORITIES, 'priority'),
        }),
      };
      return inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId, workspaceSlug }) => {
        const report = await store.read((tx) => metricsReportQuery({ tx, workspaceId, clock: systemClock }, request)).catch((error: unknown) => {
          if (error instanceof DomainError) usageError(error.message);
          throw error;
        });
        const shown = presentMetricsReport(report);
        if (flags.json) printJson(shown);
        else if (flags.csv) process.stdout.write(metricsCsv(shown, table));
        else console.log(formatMetrics(shown, workspaceSlug));
      });
    });
}
