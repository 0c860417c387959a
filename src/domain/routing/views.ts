import type { Agent } from '../agent/agent.js';
import type { Customer, Ticket } from '../ticket/ticket.js';

/** The ticket as expressions see it: snake_case keys, timestamps in milliseconds, nulls where absent. */
export interface TicketVars {
  id: string;
  type: string;
  title: string;
  description: string;
  text: string;
  channel: string;
  priority: string;
  status: string;
  customer: CustomerVars | null;
  tags: string[];
  fields: Record<string, unknown>;
  location: { lat: number; lon: number } | null;
  language: string | null;
  queue: string | null;
  escalation_level: number;
  reroutes: number;
  created_at: number;
  due_at: number | null;
  ai: { label: string | null; confidence: number; priority: string | null };
  signals: { sentiment: number; language: string | null; asks_for_human: boolean; flags: string[] };
}

/** The requester as expressions see it; `crm` is an empty map when the CRM said nothing. */
export interface CustomerVars {
  id: string | null;
  name: string | null;
  email: string | null;
  organization: string | null;
  tier: string | null;
  crm: Record<string, unknown>;
}

/** The agent as expressions see it; `load` and `idle_seconds` are refreshed when it is evaluated. */
export interface AgentVars {
  id: string;
  name: string;
  skills: Record<string, number>;
  languages: string[];
  teams: string[];
  level: number;
  capacity: Record<string, number>;
  load: Record<string, number>;
  status: string;
  location: { lat: number; lon: number } | null;
  attributes: Record<string, unknown>;
  idle_seconds: number;
}

/** Builds the expression view of a ticket. */
export function ticketVars(ticket: Ticket): TicketVars {
  return {
    id: ticket.id,
    type: ticket.type,
    title: ticket.title,
    description: ticket.description,
    text: `${ticket.title}\n${ticket.description}`,
    channel: ticket.channel,
    priority: ticket.priority,
    status: ticket.status,
    customer: customerVars(ticket.customer),
    tags: ticket.tags,
    fields: ticket.fields,
    location: ticket.location ? { lat: ticket.location.lat, lon: ticket.location.lon } : null,
    language: ticket.language,
    queue: ticket.queue,
    escalation_level: ticket.escalation.level,
    reroutes: ticket.reroutes,
    created_at: ticket.createdAt,
    due_at: ticket.dueAt,
    ai: {
      label: ticket.ai?.label ?? null,
      confidence: ticket.ai?.confidence ?? 0,
      priority: ticket.ai?.priority ?? null,
    },
    signals: {
      sentiment: ticket.signals?.sentiment ?? 0,
      language: ticket.signals?.language ?? ticket.language,
      asks_for_human: ticket.signals?.asksForHuman ?? false,
      flags: ticket.signals?.flags ?? [],
    },
  };
}

const NO_CRM: Record<string, unknown> = Object.freeze({});

/** The customer with `crm` always a map, so `has(ticket.customer.crm.plan)` needs no null check first. */
function customerVars(customer: Customer | null): CustomerVars | null {
  return customer && { ...customer, crm: customer.crm ?? NO_CRM };
}

/** Builds the expression view of an agent. */
export function agentVars(agent: Agent): AgentVars {
  return {
    id: agent.id,
    name: agent.name,
    skills: agent.skills,
    languages: agent.languages,
    teams: agent.teams,
    level: agent.level,
    capacity: { ...agent.capacity },
    load: { email: 0, chat: 0, phone: 0 },
    status: agent.status,
    location: agent.location ? { lat: agent.location.lat, lon: agent.location.lon } : null,
    attributes: agent.attributes,
    idle_seconds: 0,
  };
}
