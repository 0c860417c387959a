import type { Agent } from '../../agent/agent.js';
import type { Ticket } from '../../ticket/ticket.js';
import type { AgentGroup } from '../scenario.js';
import type { CallRecord } from './call-record.js';

/** The longest history one workspace calibration reads, in days. */
export const MAX_CALIBRATION_DAYS = 56;

/** What calibration reads of a ticket: when it came, when it was first answered and resolved, by whom. */
export type TicketFacts = Pick<Ticket, 'createdAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt' | 'assigneeId' | 'status' | 'type' | 'priority'>;

/** Why a ticket of the window is not a call calibration reads: still waiting or in work, or done without an answer by an agent. */
export type TicketSkip = 'open' | 'unanswered_resolved';

/**
 * A ticket as a call of a log: it arrives when created, is answered at its first response (by its
 * assignee) and handled until resolved; one closed or resolved with no response and no assignee
 * gave up at that moment. Tickets still open, or resolved by an agent without a first response,
 * are skipped with the reason.
 */
export function callOfTicket(ticket: TicketFacts): CallRecord | TicketSkip {
  const base = { arrivedAt: ticket.createdAt, agent: ticket.assigneeId, priority: ticket.priority, type: ticket.type, afterCallS: null };
  const endedAt = ticket.resolvedAt ?? ticket.closedAt;
  if (ticket.firstResponseAt !== null) {
    if (ticket.resolvedAt === null || ticket.resolvedAt < ticket.firstResponseAt) return 'open';
    const waitS = Math.max(0, ticket.firstResponseAt - ticket.createdAt) / 1000;
    return { ...base, outcome: 'answered', waitS, answeredAt: ticket.firstResponseAt, serviceS: (ticket.resolvedAt - ticket.firstResponseAt) / 1000 };
  }
  if (endedAt === null) return 'open';
  if (ticket.assigneeId !== null) return 'unanswered_resolved';
  return { ...base, outcome: 'abandoned', waitS: Math.max(0, endedAt - ticket.createdAt) / 1000, answeredAt: null, serviceS: null };
}

/** The workspace's present agents as roster groups: agents alike in skills, level and capacity make one group. */
export function rosterOf(agents: readonly Pick<Agent, 'skills' | 'level' | 'capacity' | 'languages' | 'removedAt'>[]): AgentGroup[] {
  const groups = new Map<string, AgentGroup>();
  for (const agent of agents) {
    if (agent.removedAt !== null) continue;
    const group: AgentGroup = { count: 1, skills: agent.skills, level: agent.level, capacity: agent.capacity, languages: agent.languages };
    const key = JSON.stringify(group);
    const same = groups.get(key);
    if (same) same.count++;
    else groups.set(key, { ...group, name: `group ${groups.size + 1}` });
  }
  return [...groups.values()];
}
