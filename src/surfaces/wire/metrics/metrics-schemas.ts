import { Type } from 'typebox';
import { METRICS_GROUPS, METRICS_INTERVALS } from '../../../domain/metrics/metrics-query.js';
import { CHANNELS, PRIORITIES } from '../../../domain/ticket/ticket.js';
import { Id, Nullable, Strict, Text, Timestamp } from '../common-schemas.js';

export const METRICS_TABLES = ['figures', 'series', 'agents', 'leaderboard', 'sla_targets', 'distributions', 'best_performers'] as const;
export type MetricsTable = (typeof METRICS_TABLES)[number];

export const MetricsQueryString = Strict({
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  group_by: Type.Optional(Type.Enum(METRICS_GROUPS)),
  interval: Type.Optional(Type.Enum(METRICS_INTERVALS)),
  queue: Type.Optional(Text(200, 1)),
  agent: Type.Optional(Id),
  type: Type.Optional(Text(200, 1)),
  channel: Type.Optional(Type.Enum(CHANNELS)),
  priority: Type.Optional(Type.Enum(PRIORITIES)),
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
export const SeriesOutput = Strict({
  at: Timestamp, created: Count, resolved: Count, sla_breaches: Count, backlog: Count,
  csat: Strict({ average: Nullable(Type.Number()), responses: Count, satisfied: Ratio }),
});
export const LeaderboardRowOutput = Strict({
  agent_id: Type.String(), name: Type.String(), resolved: Count, first_response_s: SpreadOutput, resolution_s: SpreadOutput,
  first_contact_resolution: Ratio, csat: Strict({ average: Nullable(Type.Number()), responses: Count }),
});
export const SlaTargetOutput = Strict({
  policy_id: Type.String(), policy_name: Type.String(), metric: Type.String(), held: Count, met: Count, attained: Ratio,
});
export const DurationBandOutput = Strict({ from_s: Type.Number(), to_s: Nullable(Type.Number()), count: Count });
/** A row of the distributions table: one band of first-response or resolution times. */
export const DistributionRow = Strict({ measure: Type.String({ description: 'first_response or resolution' }), ...DurationBandOutput.properties });
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
  filter: Strict({ queue: Type.Optional(Type.String()), agent: Type.Optional(Type.String()), type: Type.Optional(Type.String()),
    channel: Type.Optional(Type.String()), priority: Type.Optional(Type.String()) }),
  totals: FiguresOutput,
  groups: Type.Array(GroupOutput),
  series: Type.Array(SeriesOutput),
  agents: Type.Array(AgentOutputRow),
  leaderboard: Type.Array(LeaderboardRowOutput),
  sla_targets: Type.Array(SlaTargetOutput),
  distributions: Strict({ first_response: Type.Array(DurationBandOutput), resolution: Type.Array(DurationBandOutput) }),
  best_performers: Type.Array(PerformerOutput),
  deflections: Count,
});
