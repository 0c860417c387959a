import type { AgentActivity, CategoryResolutions } from '../metrics/agent-figures.js';
import type { GroupTally } from '../metrics/figures.js';
import type { MetricsGroupBy, MetricsScope, MetricsWindow } from '../metrics/metrics-query.js';
import type { Buckets, SeriesCounts } from '../metrics/series.js';
import type { SlaState } from '../sla/sla-state.js';

/** A count per workspace (and per some label), as operations dashboards scrape it. */
export interface WorkspaceCount {
  workspaceId: string;
  label: string | null;
  count: number;
}

/** Waiting work of one queue now. */
export interface QueueBacklog {
  workspaceId: string;
  queue: string | null;
  waiting: number;
  /** When the oldest waiting ticket was created (ms). */
  oldestCreatedAt: number;
}

/** The state of the workspaces now, for `GET /metrics`. */
export interface OperationsState {
  queues: QueueBacklog[];
  agentsAvailable: WorkspaceCount[];
  offersPending: WorkspaceCount[];
  slaBreachedOpen: WorkspaceCount[];
  /** Open tickets per status (the label). */
  openTickets: WorkspaceCount[];
}

/** Aggregates over tickets, events and escalations, computed in the database. */
export interface MetricsRepository {
  /** One tally per group (one for all tickets without `groupBy`), for the window and the tickets the filter keeps. */
  tallies(workspaceId: string, scope: MetricsScope, groupBy: MetricsGroupBy | null): Promise<GroupTally[]>;
  /** Tickets created, resolved and ended, SLA breaches and ratings per bucket, and the backlog at `from`. */
  series(workspaceId: string, scope: MetricsScope, buckets: Buckets): Promise<SeriesCounts>;
  /** The SLA state of each ticket resolved in the window that was held to an SLA. */
  resolvedSlaStates(workspaceId: string, scope: MetricsScope): Promise<SlaState[]>;
  /** Every agent not removed before the window, with their work in it and their load now. */
  agentActivity(workspaceId: string, scope: MetricsScope): Promise<AgentActivity[]>;
  /** Tickets resolved in the window per category and agent. */
  categoryResolutions(workspaceId: string, scope: MetricsScope): Promise<CategoryResolutions[]>;
  /** Knowledge-base deflections (an article answered a requester on the form) in the window. */
  deflections(workspaceId: string, window: MetricsWindow): Promise<number>;
  /** The operational state now of these workspaces (all of them when null). */
  operations(workspaceIds: readonly string[] | null): Promise<OperationsState>;
}
