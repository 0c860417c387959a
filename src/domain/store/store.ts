import type { Agent, Presence } from '../agent/agent.js';
import type { ApiToken } from '../auth/token.js';
import type { DomainEvent, NewDomainEvent } from '../shared/event.js';
import type { Comment } from '../ticket/comment.js';
import type { TicketStatus } from '../ticket/status.js';
import type { LinkKind, Priority, Ticket, TicketLink } from '../ticket/ticket.js';
import type { Workspace } from '../workspace/workspace.js';
import type { JsonObject } from '../shared/json.js';
import type { WorkflowRepositories } from './workflow-store.js';
import type { TriageRepository } from './triage-store.js';
import type { KbArticleRepository } from './kb-store.js';
import type { BusinessHoursRepository, SlaPolicyRepository } from './sla-store.js';
import type { MetricsRepository } from './metrics-store.js';
import type { WebhookRepository } from './webhook-store.js';
import type { MailboxRepository } from './mailbox-store.js';
import type { InboundEmailRepository } from './inbound-store.js';
import type { TicketTypeRepository, WorkspaceSecretRepository } from './intake-store.js';
import type { ApprovalRepository } from './approval-store.js';
import type { EmailRepository } from './email-store.js';
import type { AccountMailRepository } from './account-mail-store.js';
import type { PortalRepository } from './portal-store.js';
import type { ExternalReferenceRepository } from './external-reference-store.js';
import type { SessionRepository, TwoFactorRepository, UserRepository } from './user-store.js';
import type { SsoSettingsRepository } from './sso-store.js';
import type {
  OfferRepository, PerformanceRepository, PolicyRepository, RoutingDecisionRecord, RoutingDecisionRepository, RoutingTicketQueries, TimerRepository,
} from './routing-store.js';
import type { Offer } from '../routing/offer.js';
import type { Timer } from '../scheduling/timer.js';

/** What a backend can do beyond the common ground; code branches on these, never on a backend's name. */
export interface StoreCapabilities {
  /** Row locks that skip locked rows (`FOR UPDATE SKIP LOCKED`), for work shared by several nodes. */
  readonly supportsSkipLocked: boolean;
  /** Several processes may write at once (a server database rather than one file). */
  readonly supportsConcurrentWriters: boolean;
  /** `SELECT … FOR UPDATE` row locks; without them the write transaction itself is exclusive. */
  readonly supportsRowLocks: boolean;
  /** Committed events wake listeners in every process at once (PostgreSQL LISTEN/NOTIFY); elsewhere they poll. */
  readonly supportsEventNotifications: boolean;
}

/** One page of a list, and where the next one starts. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TicketQuery {
  workspaceId: string;
  statuses?: TicketStatus[];
  queue?: string;
  /** An agent id, or null for unassigned work. */
  assigneeId?: string | null;
  type?: string;
  priorities?: Priority[];
  tag?: string;
  /** A customer id or e-mail address. */
  customer?: string;
  /** Words that must all appear in the title or description (case-insensitive). */
  text?: string;
  /** Only tickets created or changed at or after this time (ms). */
  updatedSince?: number;
  /** The id after which the page starts (ids sort newest first). */
  after?: string;
  limit: number;
}

export interface AgentQuery {
  workspaceId: string;
  statuses?: Presence[];
  team?: string;
  skill?: string;
  includeRemoved?: boolean;
  after?: string;
  limit: number;
}

export interface IdempotencyRecord {
  workspaceId: string;
  scope: string;
  key: string;
  requestHash: string;
  responseStatus: number;
  responseBody: string;
  createdAt: number;
}

export interface WorkspaceRepository {
  get(id: string): Promise<Workspace | undefined>;
  getBySlug(slug: string): Promise<Workspace | undefined>;
  insert(workspace: Workspace): Promise<void>;
  list(): Promise<Workspace[]>;
  /** Replaces the workspace's free-form settings. */
  updateSettings(id: string, settings: JsonObject): Promise<void>;
}

/** What arrives with a new ticket besides its events, all of it about the ticket: its timers, the routing decision that placed it and the offer that decision made. */
export interface TicketArrival {
  timers: readonly Timer[];
  decision: RoutingDecisionRecord | null;
  offer: Offer | null;
}

/** How a customer's tickets are found: by the customer's id, by e-mail, or both. */
export interface CustomerKey {
  id: string | null;
  email: string | null;
}

/** What intake reads of a customer's earlier ticket. */
export type CustomerTicket = Pick<Ticket, 'id' | 'title' | 'description' | 'status' | 'assigneeId' | 'updatedAt'>;

export interface TokenRepository {
  findByHash(hash: string): Promise<ApiToken | undefined>;
  insert(token: ApiToken): Promise<void>;
  list(workspaceId: string): Promise<ApiToken[]>;
  revoke(workspaceId: string, id: string, at: number): Promise<boolean>;
}

export interface AgentRepository {
  get(workspaceId: string, id: string): Promise<Agent | undefined>;
  insert(agent: Agent): Promise<void>;
  /** Writes the agent if its stored version is still `expectedVersion`; false when it was not. */
  update(agent: Agent, expectedVersion: number): Promise<boolean>;
  list(query: AgentQuery): Promise<Page<Agent>>;
  /** Every agent of the workspace that has not been removed. */
  listAll(workspaceId: string): Promise<Agent[]>;
  /**
   * Reads the agent for an assignment, locking its row until the transaction ends where the backend
   * can. With `passOverHeld`, an agent whose row another transaction holds (another node assigning
   * to them or changing them) is answered as undefined at once instead of waited for.
   */
  lockForAssignment(workspaceId: string, id: string, options?: { passOverHeld?: boolean }): Promise<Agent | undefined>;
}

export interface TicketRepository {
  get(workspaceId: string, id: string): Promise<Ticket | undefined>;
  insert(ticket: Ticket): Promise<void>;
  /**
   * Inserts a new ticket (with its tags and links), the events that tell its arrival and the rows
   * that arrive with it, and returns the events' ids in order: in one statement where the backend
   * writes several tables at once, which spares a new ticket a round trip to a database server
   * for each table.
   */
  insertWithEvents(ticket: Ticket, events: readonly NewDomainEvent[], arrival?: TicketArrival): Promise<number[]>;
  /** Writes the ticket if the stored one is still at `previous.version`; false when it was not. */
  update(ticket: Ticket, previous: Ticket): Promise<boolean>;
  list(query: TicketQuery): Promise<Page<Ticket>>;
  /** Texts of the workspace's newest tickets in some statuses: duplicate candidates in the workspace scope. */
  texts(query: { workspaceId: string; statuses: readonly TicketStatus[]; limit: number }): Promise<Pick<Ticket, 'id' | 'title' | 'description'>[]>;
  /**
   * A customer's newest tickets, matched by id or by e-mail, newest first, at most `limit`: what
   * intake compares a new ticket's text with and whose agent it may stick to, in one read.
   */
  ofCustomer(workspaceId: string, customer: CustomerKey, limit: number): Promise<CustomerTicket[]>;
  /** The subset of `ids` that exist in the workspace. */
  existing(workspaceId: string, ids: readonly string[]): Promise<Set<string>>;
  addLink(workspaceId: string, ticketId: string, link: TicketLink, at: number): Promise<void>;
  /** Tickets that point at `targetId` with a link of this kind. */
  linkedTo(workspaceId: string, targetId: string, kind: LinkKind): Promise<string[]>;
  /** Open (not resolved or closed) work per queue, for the dashboard's overview. */
  queueSummary(workspaceId: string): Promise<QueueSummary[]>;
}

/** One queue's open work; `queue` is null for tickets that are in none. */
export interface QueueSummary {
  queue: string | null;
  open: number;
  /** Open and held by nobody. */
  unassigned: number;
  /** Open with an escalation level above 0. */
  escalated: number;
  /** When the oldest unassigned ticket was created (ms), or null. */
  oldestUnassignedAt: number | null;
}

export interface CommentRepository {
  insert(comment: Comment): Promise<void>;
  get(workspaceId: string, id: string): Promise<Comment | undefined>;
  list(workspaceId: string, ticketId: string, after: string | undefined, limit: number): Promise<Page<Comment>>;
}

export interface EventRepository {
  append(event: NewDomainEvent): Promise<number>;
  /** Appends events in one statement; their ids, in the same order. */
  appendMany(events: readonly NewDomainEvent[]): Promise<number[]>;
  listForTicket(workspaceId: string, ticketId: string, afterId: number | undefined, limit: number): Promise<Page<DomainEvent>>;
  /** The whole workspace's history in order, for exports. */
  listForWorkspace(workspaceId: string, afterId: number | undefined, limit: number): Promise<Page<DomainEvent>>;
  /** Changes to the workspace's set-up (everything but tickets: policy, tokens, agents, SLAs, automations…), newest first, below `beforeId`. */
  listAdministrative(workspaceId: string, beforeId: number | undefined, limit: number): Promise<Page<DomainEvent>>;
  /** Events of every workspace with an id above `afterId` or among `alsoIds`, in id order, for the live feed. */
  since(afterId: number, alsoIds: readonly number[], limit: number): Promise<DomainEvent[]>;
  /** The highest event id so far (0 when there is none). */
  latestId(): Promise<number>;
}

export interface IdempotencyRepository {
  find(workspaceId: string, scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  insert(record: IdempotencyRecord): Promise<void>;
  /** Forgets one key (an expired one about to be used again). */
  delete(workspaceId: string, scope: string, key: string): Promise<void>;
  deleteOlderThan(at: number): Promise<number>;
}

/** Everything a command may read or write, bound to one transaction. */
export interface StoreTx {
  readonly workspaces: WorkspaceRepository;
  readonly tokens: TokenRepository;
  readonly agents: AgentRepository;
  readonly tickets: TicketRepository;
  readonly comments: CommentRepository;
  readonly events: EventRepository;
  readonly idempotency: IdempotencyRepository;
  readonly workload: RoutingTicketQueries;
  readonly policies: PolicyRepository;
  readonly offers: OfferRepository;
  readonly timers: TimerRepository;
  readonly decisions: RoutingDecisionRepository;
  readonly performance: PerformanceRepository;
  readonly workflow: WorkflowRepositories;
  readonly triage: TriageRepository;
  readonly kbArticles: KbArticleRepository;
  readonly businessHours: BusinessHoursRepository;
  readonly slaPolicies: SlaPolicyRepository;
  readonly metrics: MetricsRepository;
  readonly webhooks: WebhookRepository;
  readonly inboundEmails: InboundEmailRepository;
  readonly secrets: WorkspaceSecretRepository;
  readonly ticketTypes: TicketTypeRepository;
  readonly approvals: ApprovalRepository;
  readonly emails: EmailRepository;
  readonly accountMails: AccountMailRepository;
  readonly portal: PortalRepository;
  readonly externalReferences: ExternalReferenceRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly twoFactor: TwoFactorRepository;
  readonly mailboxes: MailboxRepository;
  readonly sso: SsoSettingsRepository;
  /**
   * Runs `callback` once the transaction's writes are durable, never when it rolls back: in-memory
   * state that mirrors the database (the routing pool's loads) changes only after the commit.
   */
  afterCommit(callback: () => void): void;
  /** Runs `callback` if the transaction rolls back (a reservation made for it is let go). */
  afterRollback(callback: () => void): void;
}

/** The storage port: the domain's only door to persistence. */
export interface Store {
  readonly capabilities: StoreCapabilities;
  /** Runs `work` in one transaction: all of its writes land, or none do. */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Runs reads outside an explicit transaction. */
  read<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** True when `error` is a unique-key violation (a concurrent insert of the same key). */
  isUniqueViolation(error: unknown): boolean;
  /**
   * Calls `wake` after another transaction that appended events commits, where the backend can
   * tell (`supportsEventNotifications`); elsewhere it never calls. Resolves to a function that stops.
   */
  listenForEvents(wake: () => void): Promise<() => Promise<void>>;
  /** Lets the query planner see how the tables have grown (where the database does not by itself). */
  refreshStatistics(): Promise<void>;
  close(): Promise<void>;
}
