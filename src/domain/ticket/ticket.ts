import type { JsonObject } from '../shared/json.js';
import type { RoutingState } from '../routing/routing-state.js';
import type { SlaState } from '../sla/sla-state.js';
import type { AiPrediction, TicketSignals } from '../triage/ticket-insights.js';
import type { TicketStatus } from './status.js';

export const TICKET_TYPES = [
  'support', 'incident', 'bug', 'feature_request', 'change_request', 'lead', 'work_order', 'task',
] as const;
/** The type of a ticket created without one. */
export const DEFAULT_TYPE = 'support';
export const CHANNELS = ['email', 'chat', 'form', 'phone', 'api', 'internal'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const CUSTOMER_TIERS = ['free', 'pro', 'enterprise', 'vip'] as const;
export const LINK_KINDS = ['related', 'duplicate_of', 'blocked_by'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type LinkKind = (typeof LINK_KINDS)[number];

export interface Customer {
  id: string | null;
  name: string | null;
  email: string | null;
  organization: string | null;
  tier: string | null;
  /** What the configured CRM answered about the customer at intake (its JSON object as is); null when not looked up. */
  crm: JsonObject | null;
}

export interface GeoPoint {
  lat: number;
  lon: number;
  address?: string | null;
}

export interface TicketLink {
  kind: LinkKind;
  ticketId: string;
}

export interface Escalation {
  level: number;
  reason: string | null;
}

/** A unit of work as stored: everything about it but its conversation and history. */
export interface Ticket {
  id: string;
  workspaceId: string;
  type: string;
  title: string;
  description: string;
  channel: Channel;
  priority: Priority;
  status: TicketStatus;
  customer: Customer | null;
  tags: string[];
  fields: JsonObject;
  location: GeoPoint | null;
  language: string | null;
  dueAt: number | null;
  queue: string | null;
  assigneeId: string | null;
  escalation: Escalation;
  links: TicketLink[];
  /** Where the ticket stands in the routing policy; null before it was first routed. */
  routing: RoutingState | null;
  /** How often it was offered or handed to someone else after a first choice. */
  reroutes: number;
  /** How often it was reopened after a resolution. */
  reopens: number;
  /** Its place among waiting work (lower goes first); null unless it waits in a queue. */
  queueRank: number | null;
  /** Capacity units it takes while held. */
  loadUnits: number;
  /** The triage model's prediction at intake; null when no model was trained. */
  ai: AiPrediction | null;
  /** Sentiment, language, keyword flags and requests for a human read at intake. */
  signals: TicketSignals | null;
  /** The SLA the ticket is held to and its clocks; null when no SLA policy applies. */
  sla: SlaState | null;
  version: number;
  createdAt: number;
  updatedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

/** What a client may give when creating a ticket; the rest is decided by Switchboard. */
export interface TicketDraft {
  type?: string;
  title: string;
  description?: string;
  channel?: Channel;
  priority?: Priority;
  /** `needs_info` is decided by intake when required fields are missing, never asked for by a client. */
  status?: 'new' | 'queued' | 'needs_info';
  customer?: Partial<Customer> | null;
  tags?: string[];
  fields?: JsonObject;
  location?: GeoPoint | null;
  language?: string | null;
  dueAt?: number | null;
  queue?: string | null;
  assigneeId?: string | null;
  links?: TicketLink[];
}

/** The fields a change may touch; absent keys stay as they are. */
export interface TicketPatch {
  type?: string;
  title?: string;
  description?: string;
  channel?: Channel;
  priority?: Priority;
  status?: TicketStatus;
  customer?: Partial<Customer> | null;
  tags?: string[];
  fields?: JsonObject;
  location?: GeoPoint | null;
  language?: string | null;
  dueAt?: number | null;
  queue?: string | null;
  assigneeId?: string | null;
  escalation?: Escalation;
}

/** Normalises a tag list: trimmed, lower-cased, unique, in first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/** Fills every customer field, so stored customers always have the same shape. */
export function normalizeCustomer(customer: Partial<Customer> | null | undefined): Customer | null {
  if (!customer) return null;
  return {
    id: customer.id ?? null,
    name: customer.name ?? null,
    email: customer.email ? customer.email.trim().toLowerCase() : null,
    organization: customer.organization ?? null,
    tier: customer.tier ?? null,
    crm: customer.crm ?? null,
  };
}

/** True when both name the same customer (same id and e-mail), so what the CRM said of one holds for the other. */
export function sameCustomer(a: Partial<Customer> | null, b: Partial<Customer> | null): boolean {
  return (a?.id ?? null) === (b?.id ?? null) && (a?.email?.trim().toLowerCase() ?? null) === (b?.email?.trim().toLowerCase() ?? null);
}
