import type { Agent } from '../agent/agent.js';
import type { EvalEnv } from '../expression/index.js';
import { CAPACITY_CLASSES, type CapacityClass } from './capacity.js';
import type { CompiledPolicy, CompiledQueue } from './compiled-policy.js';
import { agentVars, type AgentVars } from './views.js';

/** One agent as the router sees it: capacity and load per class, presence, last assignment. */
export interface PoolEntry {
  id: string;
  agent: Agent;
  available: boolean;
  capacity: Float64Array;
  load: Float64Array;
  lastAssignedAt: number;
  vars: AgentVars;
}

/** An agent's current load in one capacity class, as counted from the store. */
export interface AgentLoad {
  agentId: string;
  capacityClass: CapacityClass;
  units: number;
}

/**
 * The agents of one workspace held in memory for routing, with each queue's members computed
 * once (when the policy or an agent changes) rather than per decision.
 */
export class AgentPool {
  private readonly entries = new Map<string, PoolEntry>();
  private readonly members = new Map<string, PoolEntry[]>();
  private readonly env: EvalEnv = { agent: null, now: 0 };

  constructor(
    private readonly policy: CompiledPolicy,
    agents: readonly Agent[],
    loads: readonly AgentLoad[],
  ) {
    for (const queue of policy.queues.values()) this.members.set(queue.id, []);
    for (const agent of agents) this.entries.set(agent.id, newEntry(agent));
    for (const load of loads) this.setLoad(load.agentId, load.capacityClass, load.units);
    for (const queue of policy.queues.values()) {
      this.members.set(queue.id, [...this.entries.values()].filter((entry) => this.belongs(queue, entry)).sort(byId));
    }
  }

  /** The queue's members in a stable order (by id), whatever their presence. */
  membersOf(queueId: string): readonly PoolEntry[] {
    return this.members.get(queueId) ?? [];
  }

  /** The queues an agent belongs to. */
  queuesOf(agentId: string): string[] {
    const entry = this.entries.get(agentId);
    if (!entry) return [];
    return [...this.members.entries()].filter(([, list]) => list.includes(entry)).map(([id]) => id);
  }

  get(agentId: string): PoolEntry | undefined {
    return this.entries.get(agentId);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds or refreshes an agent (skills, presence, capacity…) and its queue memberships; load is kept. */
  upsert(agent: Agent): void {
    const previous = this.entries.get(agent.id);
    const entry = newEntry(agent);
    if (previous) {
      entry.load.set(previous.load);
      entry.lastAssignedAt = Math.max(previous.lastAssignedAt, agent.statusChangedAt);
    }
    this.entries.set(agent.id, entry);
    for (const queue of this.policy.queues.values()) {
      const list = (this.members.get(queue.id) ?? []).filter((member) => member.id !== agent.id);
      if (agent.removedAt === null && this.belongs(queue, entry)) {
        list.push(entry);
        list.sort(byId);
      }
      this.members.set(queue.id, list);
    }
  }

  setLoad(agentId: string, capacityClass: CapacityClass, units: number): void {
    const entry = this.entries.get(agentId);
    if (entry) entry.load[CAPACITY_CLASSES.indexOf(capacityClass)] = Math.max(0, units);
  }

  /** Replaces every agent's load with counts from the store. */
  resetLoads(loads: readonly AgentLoad[]): void {
    for (const entry of this.entries.values()) entry.load.fill(0);
    for (const load of loads) this.setLoad(load.agentId, load.capacityClass, load.units);
  }

  addLoad(agentId: string, capacityClass: CapacityClass, delta: number): void {
    const entry = this.entries.get(agentId);
    if (!entry) return;
    const i = CAPACITY_CLASSES.indexOf(capacityClass);
    entry.load[i] = Math.max(0, entry.load[i]! + delta);
  }

  markAssigned(agentId: string, at: number): void {
    const entry = this.entries.get(agentId);
    if (entry) entry.lastAssignedAt = Math.max(entry.lastAssignedAt, at);
  }

  private belongs(queue: CompiledQueue, entry: PoolEntry): boolean {
    if (entry.agent.removedAt !== null) return false;
    if (!queue.members) return true;
    this.env.agent = entry.vars;
    try {
      return queue.members(this.env) === true;
    } catch {
      // A membership rule that faults on this agent (say, a missing attribute) leaves them out.
      return false;
    }
  }
}

function newEntry(agent: Agent): PoolEntry {
  return {
    id: agent.id,
    agent,
    available: agent.status === 'available' && agent.removedAt === null,
    capacity: Float64Array.from(CAPACITY_CLASSES, (c) => agent.capacity[c] ?? 0),
    load: new Float64Array(CAPACITY_CLASSES.length),
    lastAssignedAt: agent.statusChangedAt,
    vars: agentVars(agent),
  };
}

function byId(a: PoolEntry, b: PoolEntry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
