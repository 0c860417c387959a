import { Type } from 'typebox';
import { METRICS_GROUPS, METRICS_INTERVALS } from '../../../domain/metrics/metrics-query.js';
import { Nullable, Strict, Timestamp } from '../common-schemas.js';

export const METRICS_TABLES = ['figures', 'series', 'agents', 'best_performers'] as const;
export type MetricsTable = (typeof METRICS_TABLES)[number];

export const MetricsQueryString = Strict({
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  group_by: Type.Optional(Type.Enum(METRICS_GROUPS)),
  interval: Type.Optional(Type.Enum(METRICS_INTERVALS)),
  format: Type.Optional(Type.Enum(['json', 'csv'])),
  table: Type.Optional(Type.Enum(METRICS_TABLES)),
});

const Seconds = Nullable(Type.Number());
const Ratio = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const Count = Type.Integer({ minimum: 0 });
const SpreadOutput = Strict({ median: Seconds, p90: Seconds });

/** The figures of one group or of all tickets; see docs/metrics.md for each definition. */
const figureProperties = {
  created: Count,
  resolved: Count,
  backlog: Count,
  first_response_s: SpreadOutput,
  resolution_s: SpreadOutput,
  first_contact_resolution: Ratio,
  reroute_rate: Ratio,
  sla: Strict({ attained: Ratio, breaches: Count }),
  escalation: Strict({
    escalated: Count,
    rate: Ratio,
    time_to_escalate_s: SpreadOutput,
    trigger_to_human_s: SpreadOutput,
    resolution_s_escalated: SpreadOutput,
    resolution_s_not_escalated: SpreadOutput,
    resolved_first_human_contact: Ratio,
  }),
  csat: Strict({ average: Nullable(Type.Number()), responses: Count, satisfied: Nullable(Type.Number()) }),
  routing_accuracy: Ratio,
};

export const FiguresOutput = Strict(figureProperties);
/** A row of the figures table: all tickets (`scope` total) or one group. */
export const FiguresRow = Strict({ scope: Type.String({ description: 'total or group' }), key: Nullable(Type.String()), label: Type.String(), ...figureProperties });
export const GroupOutput = Strict({ key: Nullable(Type.String()), label: Type.String(), ...figureProperties });
export const SeriesOutput = Strict({ at: Timestamp, created: Count, resolved: Count, sla_breaches: Count });
export const AgentOutputRow = Strict({
  agent_id: Type.String(), name: Type.String(), assigned: Count, resolved: Count, open_load: Count, open_tickets: Count,
  capacity: Count, utilization: Nullable(Type.Number()), handle_time_s: SpreadOutput,
});
export const PerformerOutput = Strict({
  category: Type.String(), agent_id: Type.String(), name: Type.String(), resolved: Count, score: Nullable(Type.Number()),
});

export const MetricsReportOutput = Strict({
  from: Timestamp,
  to: Timestamp,
  group_by: Nullable(Type.Enum(METRICS_GROUPS)),
  interval: Nullable(Type.Enum(METRICS_INTERVALS)),
  totals: FiguresOutput,
  groups: Type.Array(GroupOutput),
  series: Type.Array(SeriesOutput),
  agents: Type.Array(AgentOutputRow),
  best_performers: Type.Array(PerformerOutput),
  deflections: Count,
});
