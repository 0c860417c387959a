import type { JsonColumn } from './schema.js';

export interface ApprovalTable {
  id: string;
  workspace_id: string;
  ticket_id: string;
  status: string;
  approvers: JsonColumn;
  approver_role: string | null;
  approver_team: string | null;
  reason: string;
  hold: number;
  on_approve: JsonColumn;
  on_reject: JsonColumn;
  remind_after_ms: number | null;
  escalate_after_ms: number | null;
  source: string;
  requested_by: JsonColumn;
  requested_at: number;
  decided_at: number | null;
  version: number;
}

export interface ApprovalAgentTable {
  approval_id: string;
  agent_id: string;
}

export interface ApprovalVoteTable {
  approval_id: string;
  voter: string;
  agent_id: string | null;
  name: string | null;
  decision: string;
  comment: string | null;
  at: number;
}

/** The tables of approvals (migration 0011). */
export interface ApprovalTables {
  approvals: ApprovalTable;
  approval_agents: ApprovalAgentTable;
  approval_votes: ApprovalVoteTable;
}
