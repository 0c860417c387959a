import type { Agent } from '../../../domain/agent/agent.js';
import type { CapacityClass } from '../../../domain/routing/capacity.js';
import type { QueueSummary } from '../../../domain/store/store.js';
import { iso } from '../time.js';

type HeldUnits = { agentId: string; capacityClass: CapacityClass; units: number }[];

/** Open work per queue. */
export function presentQueueSummary(summary: QueueSummary) {
  return {
    queue: summary.queue,
    open: summary.open,
    unassigned: summary.unassigned,
    escalated: summary.escalated,
    oldest_unassigned_at: iso(summary.oldestUnassignedAt),
  };
}

/**
 * Each agent's load against capacity per channel class (held work and pending offers), and their
 * busiest class as a share: above 1 is overloaded, 0 is idle.
 */
export function presentAgentLoads(agents: readonly Agent[], held: HeldUnits) {
  return agents.map((agent) => {
    const load: Record<string, number> = {};
    for (const row of held) if (row.agentId === agent.id) load[row.capacityClass] = row.units;
    const shares = Object.entries(agent.capacity).filter(([, limit]) => (limit ?? 0) > 0).map(([name, limit]) => (load[name] ?? 0) / limit!);
    return {
      agent_id: agent.id,
      name: agent.name,
      status: agent.status,
      level: agent.level,
      teams: agent.teams,
      capacity: agent.capacity,
      load,
      utilisation: shares.length === 0 ? null : Math.round(Math.max(...shares) * 1000) / 1000,
    };
  });
}
