import type { CapacityClass } from '../routing/capacity.js';
import type { Offer, OfferStatus } from '../routing/offer.js';
import type { PerformanceRecord } from '../routing/performance.js';
import type { PolicyDocument } from '../routing/policy.js';
import type { Timer } from '../scheduling/timer.js';
import type { JsonObject } from '../shared/json.js';
import type { Channel, Ticket } from '../ticket/ticket.js';

/** One saved version of a workspace's routing policy. */
export interface PolicyVersion {
  workspaceId: string;
  version: number;
  document: PolicyDocument;
  createdAt: number;
  createdBy: string | null;
  /** The version this one restored, when it was a rollback. */
  restoredFrom: number | null;
}

/** Counters on the workspace that tell a node its cached copies (router, workflow, configuration) are out of date. */
export interface WorkspaceVersions {
  policyVersion: number;
  agentsVersion: number;
  workflowVersion: number;
  configVersion: number;
}

export interface PolicyRepository {
  current(workspaceId: string): Promise<PolicyVersion | undefined>;
  get(workspaceId: string, version: number): Promise<PolicyVersion | undefined>;
  list(workspaceId: string): Promise<PolicyVersion[]>;
  /** Saves the next version and makes it current. */
  insert(version: PolicyVersion): Promise<void>;
  versions(workspaceId: string): Promise<WorkspaceVersions>;
  /** Marks a change to the workspace's agents, so other nodes reload them. */
  bumpAgentsVersion(workspaceId: string): Promise<number>;
}

export interface OfferRepository {
  get(workspaceId: string, id: string): Promise<Offer | undefined>;
  insert(offer: Offer): Promise<void>;
  /** Moves a pending offer to its answer; false when it was no longer pending. */
  answer(workspaceId: string, id: string, status: OfferStatus, at: number): Promise<boolean>;
  pendingForAgent(workspaceId: string, agentId: string): Promise<Offer[]>;
}

export interface TimerRepository {
  /** Saves the timers in one statement (none: nothing to do). */
  insert(...timers: Timer[]): Promise<void>;
  /** Timers due at `now`, oldest first, across workspaces. */
  due(now: number, limit: number): Promise<Timer[]>;
  /** Takes a due timer for firing in this transaction; undefined when fired or taken by another node. */
  claim(id: string): Promise<Timer | undefined>;
  markFired(id: string, at: number): Promise<void>;
}

export interface RoutingDecisionRecord {
  id: string;
  workspaceId: string;
  ticketId: string;
  at: number;
  outcome: 'assigned' | 'offered' | 'queued' | 'waiting_on_blockers' | 'waiting_on_approval' | 'dry_run';
  agentId: string | null;
  trace: JsonObject;
}

export interface RoutingDecisionRepository {
  insert(record: RoutingDecisionRecord): Promise<void>;
  listForTicket(workspaceId: string, ticketId: string, limit: number): Promise<RoutingDecisionRecord[]>;
}

export interface PerformanceRepository {
  all(workspaceId: string): Promise<PerformanceRecord[]>;
  add(workspaceId: string, record: PerformanceRecord): Promise<void>;
}

/** What routing reads about tickets beyond the basic repository. */
export interface RoutingTicketQueries {
  /** Capacity units the agent has taken in a class: assigned and in-progress tickets, and pending offers. */
  unitsTaken(workspaceId: string, agentId: string, capacityClass: CapacityClass): Promise<number>;
  /** Held units (tickets and pending offers) of every agent of the workspace, or of the agents named, per class. */
  allHeldUnits(workspaceId: string, agentIds?: readonly string[]): Promise<{ agentId: string; capacityClass: CapacityClass; units: number }[]>;
  /** Routable waiting tickets of these queues (of these channels only, when given), best first by their waiting rank. */
  waiting(workspaceId: string, queues: readonly string[], limit: number, channels?: readonly Channel[]): Promise<Ticket[]>;
  /** Work an agent holds but has not started (status `assigned`). */
  assignedNotStarted(workspaceId: string, agentId: string): Promise<Ticket[]>;
}
