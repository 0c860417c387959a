import type { Automation, CannedResponse } from '../automation/automation.js';
import type { EscalationDocument } from '../escalation/escalation-config.js';
import type { EscalationRecord } from '../escalation/escalation.js';
import type { HandoffPacket } from '../handoff/handoff.js';
import type { JsonObject } from '../shared/json.js';

/** A workspace's saved escalation config. */
export interface EscalationConfigRecord {
  workspaceId: string;
  document: EscalationDocument;
  version: number;
  updatedAt: number;
  updatedBy: string | null;
}

export interface EscalationRepository {
  config(workspaceId: string): Promise<EscalationConfigRecord | undefined>;
  /** Saves the config if the stored one is still at `version - 1`; false when someone saved meanwhile. */
  saveConfig(config: EscalationConfigRecord): Promise<boolean>;
  insert(record: EscalationRecord): Promise<void>;
  /** The ticket's escalations and de-escalations, oldest first. */
  listForTicket(workspaceId: string, ticketId: string): Promise<EscalationRecord[]>;
  /** Names of the triggers that already escalated this ticket. */
  firedTriggers(workspaceId: string, ticketId: string): Promise<Set<string>>;
  /** Stamps the first human response on the ticket's escalations that lack one; how many were stamped. */
  markFirstResponse(workspaceId: string, ticketId: string, at: number): Promise<number>;
}

/** Which open tickets a scheduled check looks at. */
export interface OpenTicketFilter {
  /** Last changed at or before this time (idle since). */
  updatedBefore?: number;
  /** Changed at or after this time. */
  updatedSince?: number;
  /** Re-routed at least once. */
  rerouted?: boolean;
  /** Escalated to a level below this one. */
  belowLevel?: number;
}

/** A ticket event a reaction is still owed to. */
export interface PendingEvent {
  id: number;
  workspaceId: string;
  ticketId: string;
  type: string;
  data: JsonObject;
}

export interface AutomationRepository {
  /** A counter bumped by every change to automations or escalation config; 0 when none was ever made. */
  workflowVersion(workspaceId: string): Promise<number>;
  bumpWorkflowVersion(workspaceId: string): Promise<number>;
  get(workspaceId: string, id: string): Promise<Automation | undefined>;
  /** Every automation of the workspace, oldest first (the order they run in). */
  list(workspaceId: string): Promise<Automation[]>;
  insert(automation: Automation): Promise<void>;
  /** Writes the automation if its stored version is still `automation.version - 1`. */
  update(automation: Automation): Promise<boolean>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  /** Enabled scheduled automations due at `now`, across workspaces. */
  dueSchedules(now: number, limit: number): Promise<Automation[]>;
  /** Moves a due schedule on to its next run; false when another node took this run. */
  claimSchedule(id: string, dueAt: number, nextRunAt: number): Promise<boolean>;
  /** Ids of the workspace's open tickets that pass the filter, by id after `afterId`. */
  openTickets(workspaceId: string, filter: OpenTicketFilter, afterId: string | undefined, limit: number): Promise<string[]>;
  /** When a scheduled automation last acted on the ticket. */
  lastFired(automationId: string, ticketId: string): Promise<number | null>;
  markFired(workspaceId: string, automationId: string, ticketId: string, at: number): Promise<void>;
  /** SLA events since `since` that no dispatch has reacted to yet, oldest first. */
  undispatchedSlaEvents(since: number, limit: number): Promise<PendingEvent[]>;
  /** Notes that an event was reacted to; false when another node already did. */
  markDispatched(workspaceId: string, eventId: number, at: number): Promise<boolean>;
}

export interface CannedResponseRepository {
  get(workspaceId: string, id: string): Promise<CannedResponse | undefined>;
  list(workspaceId: string): Promise<CannedResponse[]>;
  /** The subset of `ids` that exist in the workspace. */
  existing(workspaceId: string, ids: readonly string[]): Promise<Set<string>>;
  insert(response: CannedResponse): Promise<void>;
  update(response: CannedResponse): Promise<boolean>;
  delete(workspaceId: string, id: string): Promise<boolean>;
}

export interface WatcherRepository {
  /** Adds the agent as a watcher; false when they already watch the ticket. */
  add(workspaceId: string, ticketId: string, agentId: string, at: number): Promise<boolean>;
  list(workspaceId: string, ticketId: string): Promise<string[]>;
}

export interface HandoffRepository {
  forTicket(workspaceId: string, ticketId: string): Promise<HandoffPacket | undefined>;
  /** The newest ticket a bot conversation was handed over to. */
  latestForConversation(workspaceId: string, conversationId: string): Promise<{ ticketId: string; packet: HandoffPacket } | undefined>;
  save(workspaceId: string, ticketId: string, packet: HandoffPacket): Promise<void>;
}

/** Escalation, automations, canned responses, watchers and hand-offs, bound to one transaction. */
export interface WorkflowRepositories {
  readonly escalations: EscalationRepository;
  readonly automations: AutomationRepository;
  readonly cannedResponses: CannedResponseRepository;
  readonly watchers: WatcherRepository;
  readonly handoffs: HandoffRepository;
}
