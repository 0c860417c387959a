import type { JsonColumn, NullableJsonColumn } from './schema.js';

export interface EscalationConfigTable {
  workspace_id: string;
  document: JsonColumn;
  version: number;
  updated_at: number;
  updated_by: string | null;
}

export interface EscalationTable {
  id: string;
  workspace_id: string;
  ticket_id: string;
  from_level: number;
  to_level: number;
  trigger: string;
  reason: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  queue: string | null;
  owner: NullableJsonColumn;
  informed: JsonColumn;
  at: number;
  first_response_at: number | null;
}

export interface AutomationTable {
  id: string;
  workspace_id: string;
  document: JsonColumn;
  version: number;
  created_at: number;
  updated_at: number;
  next_run_at: number | null;
}

export interface AutomationMarkTable {
  workspace_id: string;
  automation_id: string;
  ticket_id: string;
  fired_at: number;
}

export interface DispatchedEventTable {
  event_id: number;
  workspace_id: string;
  at: number;
}

export interface CannedResponseTable {
  id: string;
  workspace_id: string;
  name: string;
  body: string;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface TicketWatcherTable {
  workspace_id: string;
  ticket_id: string;
  agent_id: string;
  added_at: number;
}

export interface HandoffTable {
  ticket_id: string;
  workspace_id: string;
  conversation_id: string;
  packet: JsonColumn;
  created_at: number;
  updated_at: number;
}

/** The tables of escalation, automations and hand-offs (migration 0007). */
export interface WorkflowTables {
  escalation_configs: EscalationConfigTable;
  escalations: EscalationTable;
  automations: AutomationTable;
  automation_marks: AutomationMarkTable;
  dispatched_events: DispatchedEventTable;
  canned_responses: CannedResponseTable;
  ticket_watchers: TicketWatcherTable;
  handoffs: HandoffTable;
}
