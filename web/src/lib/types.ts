import type { TicketTypeDocument } from '../../../src/domain/ticket/ticket-type';
// Shapes of the API's answers, as far as the dashboard reads them (see /openapi.json).

export type Role = 'admin' | 'supervisor' | 'agent' | 'viewer';

export interface Me {
  workspace_id: string;
  token_name: string;
  role: Role;
  agent_id: string | null;
  permissions: string[];
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface Customer {
  id: string | null;
  name: string | null;
  email: string | null;
  organization: string | null;
  tier: string | null;
}

export interface SlaMetric {
  metric: string;
  status: 'running' | 'paused' | 'fulfilled';
  target_minutes: number;
  due_at: string | null;
  warn_at: string | null;
  remaining_minutes: number | null;
  breached: boolean;
  paused: boolean;
  fulfilled_at: string | null;
}

export interface Ticket {
  id: string;
  type: string;
  title: string;
  description: string;
  channel: string;
  priority: string;
  status: string;
  customer: Customer | null;
  tags: string[];
  fields: Record<string, unknown>;
  language: string | null;
  queue: string | null;
  assignee: string | null;
  escalation: { level: number; reason: string | null };
  links: { kind: string; ticket_id: string }[];
  approval: { id: string; status: string } | null;
  version: number;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  ai: { label: string | null; confidence: number; priority: string | null } | null;
  signals: { sentiment: number; language: string | null; asks_for_human: boolean; flags: string[] } | null;
  sla: { policy_name: string; metrics: SlaMetric[] } | null;
}

export interface Comment {
  id: string;
  visibility: 'public' | 'internal';
  author: { kind: string; id: string | null; name: string | null };
  body: string;
  created_at: string;
}

export interface HistoryEvent {
  id: number;
  type: string;
  actor: { kind: string; id: string | null; name: string | null };
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  data: Record<string, unknown> | null;
}

export interface Agent {
  id: string;
  name: string;
  email: string | null;
  skills: Record<string, number>;
  languages: string[];
  teams: string[];
  level: number;
  capacity: Record<string, number>;
  status: string;
  version: number;
}

export interface Offer {
  id: string;
  ticket_id: string;
  agent_id: string;
  status: string;
  created_at: string;
  expires_at: string;
}

export interface AgentWork {
  tickets: Ticket[];
  offers: Offer[];
}

export interface Workload {
  queues: { queue: string | null; open: number; unassigned: number; escalated: number; oldest_unassigned_at: string | null }[];
  agents: {
    agent_id: string;
    name: string;
    status: string;
    level: number;
    teams: string[];
    capacity: Record<string, number>;
    load: Record<string, number>;
    utilisation: number | null;
  }[];
}

export interface Candidate {
  agent: string;
  name: string;
  score: number;
  parts: Record<string, number>;
}

export interface RoutingExplanation {
  outcome: string;
  agent: string | null;
  rule: string | null;
  queue: string | null;
  strategy?: string;
  mode?: string;
  rules_checked?: { name: string; result: string }[];
  candidates?: Candidate[];
  excluded?: Record<string, unknown>;
  queue_members?: number;
}

export interface TicketRouting {
  reroutes: number;
  state: { rule: string | null; step: number; queue: string; declined: string[] } | null;
  decisions: { id: string; at: string; outcome: string; agent: string | null; explanation: RoutingExplanation }[];
}

export interface SearchHit {
  article: { id: string; title: string; tags: string[] };
  rank: number;
  snippet: string;
}

export interface PolicyQueue {
  id: string;
  agents: string;
  strategy?: string;
  mode?: string;
  offer_timeout?: string;
  [key: string]: unknown;
}

export interface PolicyTarget {
  queue: string;
  agents?: string;
  timeout?: string;
}

export interface PolicyRule {
  name: string;
  when: string;
  targets: PolicyTarget[];
  [key: string]: unknown;
}

export interface PolicyDocument {
  queues: PolicyQueue[];
  rules: PolicyRule[];
  default: PolicyTarget;
  [key: string]: unknown;
}

export interface PolicyVersion {
  version: number;
  created_at: string;
  created_by: string | null;
  policy: PolicyDocument;
}

/** One mistake of a policy (or SLA policy, automation): where, what, and for expressions the place in the text. */
export interface PolicyIssue {
  path: string;
  message: string;
  position?: { offset: number; line: number; column: number; length: number };
}

/** A ticket type as GET /v1/ticket-types gives it: the document, its version and when it changed. */
export type TicketTypeDefinition = TicketTypeDocument & { version: number; created_at: string; updated_at: string };

export type Approvers = ({ agents: string[] } | { role: string } | { team: string }) & { min?: number };

export interface Approval {
  id: string;
  ticket_id: string;
  status: 'awaiting' | 'approved' | 'rejected' | 'cancelled';
  reason: string;
  approvers: Approvers;
  needed: number;
  hold: boolean;
  on_approve: { kind: string }[];
  on_reject: { kind: string }[];
  source: string;
  requested_at: string;
  decided_at: string | null;
  votes: { voter: string; name: string | null; decision: 'approve' | 'reject'; comment: string | null; at: string }[];
}
