// The shape of GET /v1/metrics (fields may be added, never renamed).

export interface Spread {
  median: number | null;
  p90: number | null;
}

export interface Figures {
  created: number;
  resolved: number;
  backlog: number;
  first_response_s: Spread;
  resolution_s: Spread;
  first_contact_resolution: number | null;
  reroute_rate: number | null;
  sla: { attained: number | null; breaches: number };
  escalation: {
    escalated: number;
    trigger_to_human_s: Spread;
    resolution_s_escalated: Spread;
    resolution_s_not_escalated: Spread;
    resolved_first_human_contact: number | null;
  };
  csat: { average: number | null; responses: number };
  routing_accuracy: number | null;
}

export interface Metrics {
  from: string;
  to: string;
  group_by: string | null;
  interval: string | null;
  totals: Figures;
  groups: (Figures & { key: string; label: string })[];
  series: { at: string; created: number; resolved: number; sla_breaches: number }[];
  agents: { agent_id: string; name: string; assigned: number; resolved: number; open_load: number; capacity: number; handle_time_s: Spread }[];
  best_performers: { category: string; agent_id: string; name: string; resolved: number; score: number }[];
}
