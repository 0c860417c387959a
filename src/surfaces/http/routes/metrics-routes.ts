import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { metricsReportQuery } from '../../../commands/metrics/metrics-report.js';
import { operationsSnapshotQuery } from '../../../commands/metrics/operations-snapshot.js';
import { metricsCsv } from '../../wire/metrics/metrics-csv.js';
import { presentMetricsReport } from '../../wire/metrics/metrics-presenter.js';
import { operationsFamilies } from '../../wire/metrics/operations-presenter.js';
import { PROMETHEUS_CONTENT_TYPE, exposition } from '../prometheus.js';
import { fromIso } from '../../wire/time.js';
import type { HttpServices } from '../services.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { MetricsQueryString, MetricsReportOutput } from '../../wire/metrics/metrics-schemas.js';
import { metricsFilter } from '../../wire/metrics/metrics-filter.js';

/** CSV when asked by `format=csv`, or by an Accept header that names text/csv and no `format`. */
function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  return format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(request.headers.accept ?? ''));
}

/** The analytics report (`/v1/metrics`) and the operational gauges for Prometheus (`/metrics`). */
export const metricsRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/metrics', {
    config: { permission: 'metrics:read' },
    schema: {
      tags: ['metrics'],
      summary: 'Volume, backlog, response and resolution times, SLA, escalation, agent and routing figures over a time range',
      description: 'Every figure is defined in docs/metrics.md. `from` defaults to a week before `to`, `to` to now; the range is half-open [from, to). '
        + '`queue`, `agent`, `type`, `channel` and `priority` keep only the tickets with that value now. `group_by` adds one row of figures per group, `interval` a series (volume, backlog, CSAT) in UTC buckets. `format=csv` (or `Accept: text/csv`) returns one `table` as CSV '
        + '(default `figures`). 422 `invalid_range` when `from` is not before `to`; 422 `range_too_large` over 366 days (31 with `interval=hour`).',
      querystring: MetricsQueryString,
      response: { 200: Type.Union([MetricsReportOutput, Type.String({ description: 'one table as CSV, with format=csv or Accept: text/csv' })]), ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const q = request.query;
    const report = presentMetricsReport(await store.read((tx) => metricsReportQuery(
      { tx, workspaceId: request.principal.workspaceId, clock: services.clock },
      {
        from: fromIso(q.from) ?? undefined, to: fromIso(q.to) ?? undefined, groupBy: q.group_by, interval: q.interval,
        filter: metricsFilter(q),
      },
    )));
    if (!wantsCsv(request, q.format)) return report;
    const table = q.table ?? 'figures';
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="metrics-${table}.csv"`)
      .send(metricsCsv(report, table));
  });

  app.get('/metrics', {
    config: { permission: 'metrics:scrape' },
    schema: {
      tags: ['metrics'],
      summary: 'Operational gauges in the Prometheus text format',
      description: "Queue lengths and oldest waiting age per queue, available agents, pending offers, breached open tickets, open tickets per status, webhook backlog; labelled by workspace slug. An admin or supervisor token sees its workspace; the scrape token (SWITCHBOARD_METRICS_TOKEN) sees every workspace.",
      response: { 200: Type.String(), ...errorResponses(401, 403) },
    },
  }, async (request, reply) => {
    const workspaceId = request.scraper ? null : request.principal.workspaceId;
    const now = services.clock.now();
    const snapshot = await store.read((tx) => operationsSnapshotQuery(tx, workspaceId, now));
    return reply.header('content-type', PROMETHEUS_CONTENT_TYPE).send(exposition(operationsFamilies(snapshot)));
  });
};
