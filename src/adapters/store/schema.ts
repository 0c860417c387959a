import type { ColumnType, Generated } from 'kysely';
import type { ApprovalTables } from './approval-schema.js';
import type { WorkflowTables } from './workflow-schema.js';
import type { WebhookTables } from './webhook-schema.js';
import type { EmailTables } from './email-schema.js';
import type { UserTables } from './user-schema.js';
import type { MailboxTables } from './mailbox-schema.js';
import type { SsoTables } from './sso-schema.js';

/** A JSON column: written as JSON text, read back as text (SQLite) or parsed (PostgreSQL jsonb). */
export type JsonColumn = ColumnType<unknown, string, string>;
/** A JSON column that may be SQL NULL. */
export type NullableJsonColumn = ColumnType<unknown, string | null, string | null>;

export interface WorkspaceTable {
  id: string;
  name: string;
  slug: string;
  settings: JsonColumn;
  created_at: number;
  policy_version: Generated<number>;
  agents_version: Generated<number>;
  workflow_version: Generated<number>;
  config_version: Generated<number>;
}

export interface ApiTokenTable {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  agent_id: string | null;
  user_id: string | null;
  hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface AgentTable {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  skills: JsonColumn;
  languages: JsonColumn;
  teams: JsonColumn;
  level: number;
  capacity: JsonColumn;
  status: string;
  status_changed_at: number;
  working_hours: NullableJsonColumn;
  location: NullableJsonColumn;
  attributes: JsonColumn;
  version: number;
  created_at: number;
  updated_at: number;
  removed_at: number | null;
}

export interface TicketTable {
  id: string;
  workspace_id: string;
  type: string;
  title: string;
  description: string;
  channel: string;
  priority: string;
  status: string;
  customer: NullableJsonColumn;
  customer_id: string | null;
  customer_email: string | null;
  tags: JsonColumn;
  fields: JsonColumn;
  location: NullableJsonColumn;
  language: string | null;
  due_at: number | null;
  queue: string | null;
  assignee_id: string | null;
  escalation_level: number;
  escalation_reason: string | null;
  version: number;
  created_at: number;
  updated_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  routing: NullableJsonColumn;
  reroutes: number;
  reopens: Generated<number>;
  queue_rank: number | null;
  load_units: number;
  ai: NullableJsonColumn;
  signals: NullableJsonColumn;
  sla: NullableJsonColumn;
}

export interface TicketTagTable {
  workspace_id: string;
  ticket_id: string;
  tag: string;
}

export interface TicketLinkTable {
  workspace_id: string;
  ticket_id: string;
  kind: string;
  target_id: string;
  created_at: number;
  position: Generated<number>;
}

export interface CommentTable {
  id: string;
  workspace_id: string;
  ticket_id: string;
  visibility: string;
  author_kind: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: number;
}

export interface EventTable {
  id: Generated<number>;
  workspace_id: string;
  entity_kind: string;
  entity_id: string;
  ticket_id: string | null;
  type: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  at: number;
  before: NullableJsonColumn;
  after: NullableJsonColumn;
  data: NullableJsonColumn;
}

export interface IdempotencyKeyTable {
  workspace_id: string;
  scope: string;
  key: string;
  request_hash: string;
  response_status: number;
  response_body: string;
  created_at: number;
}

export interface RoutingPolicyTable {
  workspace_id: string;
  version: number;
  document: JsonColumn;
  created_at: number;
  created_by: string | null;
  restored_from: number | null;
}

export interface OfferTable {
  id: string;
  workspace_id: string;
  ticket_id: string;
  agent_id: string;
  status: string;
  capacity_class: string;
  load_units: number;
  created_at: number;
  expires_at: number;
  answered_at: number | null;
}

export interface TimerTable {
  id: string;
  workspace_id: string;
  kind: string;
  ticket_id: string;
  ref: string;
  due_at: number;
  fired_at: number | null;
}

export interface RoutingDecisionTable {
  id: string;
  workspace_id: string;
  ticket_id: string;
  at: number;
  outcome: string;
  agent_id: string | null;
  trace: JsonColumn;
}

export interface AgentPerformanceTable {
  workspace_id: string;
  agent_id: string;
  category: string;
  count: number;
  score_sum: number;
}

export interface BusinessHoursTable {
  id: string;
  workspace_id: string;
  name: string;
  time_zone: string;
  weekly: JsonColumn;
  holidays: JsonColumn;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface SlaPolicyTable {
  id: string;
  workspace_id: string;
  name: string;
  position: number;
  condition: string;
  warn_fraction: number;
  targets: JsonColumn;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface TriageModelTable {
  workspace_id: string;
  kind: string;
  version: number;
  created_at: number;
  data_size: number;
  metrics: JsonColumn;
  model: string;
}

export interface InboundEmailTable {
  workspace_id: string;
  message_id: string;
  ticket_id: string | null;
  outcome: string;
  created_at: number;
}

export interface WorkspaceSecretTable {
  workspace_id: string;
  name: string;
  secret: string;
  created_at: number;
}

export interface TicketTypeTable {
  workspace_id: string;
  name: string;
  document: string;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface CsatRatingTable {
  id: string;
  workspace_id: string;
  ticket_id: string;
  resolved_at: number;
  score: number;
  comment: string | null;
  agent_id: string | null;
  category: string;
  rated_at: number;
}

export interface KbDeflectionTable {
  id: string;
  workspace_id: string;
  article_id: string;
  at: number;
}

export interface ExternalReferenceTable {
  workspace_id: string;
  source: string;
  external_id: string;
  local_id: string;
  created_at: number;
}

export interface PortalChallengeTable {
  workspace_id: string;
  id: string;
  expires_at: number;
}

/** The whole schema as Kysely sees it. */
export interface Database extends WorkflowTables, WebhookTables, ApprovalTables, EmailTables, UserTables, MailboxTables, SsoTables {
  workspaces: WorkspaceTable;
  api_tokens: ApiTokenTable;
  agents: AgentTable;
  tickets: TicketTable;
  ticket_tags: TicketTagTable;
  ticket_links: TicketLinkTable;
  comments: CommentTable;
  events: EventTable;
  idempotency_keys: IdempotencyKeyTable;
  routing_policies: RoutingPolicyTable;
  offers: OfferTable;
  timers: TimerTable;
  routing_decisions: RoutingDecisionTable;
  agent_performance: AgentPerformanceTable;
  triage_models: TriageModelTable;
  business_hours: BusinessHoursTable;
  sla_policies: SlaPolicyTable;
  inbound_emails: InboundEmailTable;
  workspace_secrets: WorkspaceSecretTable;
  ticket_types: TicketTypeTable;
  csat_ratings: CsatRatingTable;
  kb_deflections: KbDeflectionTable;
  portal_challenges: PortalChallengeTable;
  external_references: ExternalReferenceTable;
}
