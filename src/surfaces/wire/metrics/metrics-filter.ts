import { METRICS_GROUPS, type MetricsFilter } from '../../../domain/metrics/metrics-query.js';

/** The filter fields given (`queue`, `agent`, `type`, `channel`, `priority`), those left out omitted. */
export function metricsFilter(given: Partial<Record<(typeof METRICS_GROUPS)[number], string | undefined>>): MetricsFilter {
  const filter: MetricsFilter = {};
  for (const field of METRICS_GROUPS) {
    const value = given[field];
    if (value !== undefined) filter[field] = value;
  }
  return filter;
}
