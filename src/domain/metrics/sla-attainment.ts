import type { SlaMetric, SlaState } from '../sla/sla-state.js';
import { ratio } from './percentiles.js';

/** Of the resolved tickets held to one policy's target, how many met it. */
export interface TargetAttainment {
  policyId: string;
  policyName: string;
  metric: SlaMetric;
  held: number;
  met: number;
  attained: number | null;
}

/**
 * Attainment per policy and target over the SLA states of resolved tickets: a target counts as
 * held when the ticket's clock for it started, as met when that clock never breached. Sorted by
 * policy name, then metric.
 */
export function slaAttainment(states: readonly SlaState[]): TargetAttainment[] {
  const byTarget = new Map<string, TargetAttainment>();
  for (const state of states) {
    for (const clock of state.metrics) {
      const key = `${state.policyId}\u0000${clock.metric}`;
      const entry = byTarget.get(key)
        ?? byTarget.set(key, { policyId: state.policyId, policyName: state.policyName, metric: clock.metric, held: 0, met: 0, attained: null }).get(key)!;
      entry.held++;
      if (clock.breachedAt === null) entry.met++;
    }
  }
  const rows = [...byTarget.values()].map((row) => ({ ...row, attained: ratio(row.met, row.held) }));
  return rows.sort((a, b) => compare(a.policyName, b.policyName) || compare(a.policyId, b.policyId) || compare(a.metric, b.metric));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
