import type { Agent } from '../agent/agent.js';
import type { EvalEnv } from '../expression/index.js';
import { CAPACITY_CLASSES, type CapacityClass } from './capacity.js';
import type { CompiledPolicy, CompiledQueue } from './compiled-policy.js';
import { agentVars, type AgentVars } from './views.js';

/** An agent's current load in one capacity class, as counted from the store. */
export interface AgentLoad {
  agentId: string;
  capacityClass: CapacityClass;
  units: number;
}

/** One queue's members: their slots in the pool, in id order, and their level in the queue's skill. */
export interface QueueMembers {
  slots: Int32Array;
  skill: Float64Array;
}

const NO_MEMBERS: QueueMembers = { slots: new Int32Array(0), skill: new Float64Array(0) };

/**
 * The agents of one workspace held in memory for routing. Written for the hot path: what every
 * decision reads for every member (presence, capacity, load, last assignment, location) lives in
 * typed arrays indexed by the agent's slot, so a scan over a thousand members stays in cache;
 * each queue's members are computed once, when the policy or an agent changes.
 */
export class AgentPool {
  readonly agents: Agent[] = [];
  readonly vars: AgentVars[] = [];
  available = new Uint8Array(0);
  hasHours = new Uint8Array(0);
  lastAssignedAt = new Float64Array(0);
  lat = new Float64Array(0);
  lon = new Float64Array(0);
  /** Per capacity class (email, chat, phone): capacity and load by slot. */
  capacity: Float64Array[] = [];
  load: Float64Array[] = [];

  private readonly slotsById = new Map<string, number>();
  private readonly members = new Map<string, QueueMembers>();
  private readonly env: EvalEnv = { agent: null, now: 0 };

  constructor(
    private readonly policy: CompiledPolicy,
    agents: readonly Agent[],
    loads: readonly AgentLoad[],
  ) {
    this.grow(Math.max(16, agents.length));
    for (const agent of agents) this.write(this.slotFor(agent.id), agent);
    for (const load of loads) this.setLoad(load.agentId, load.capacityClass, load.units);
    for (const queue of policy.queues.values()) this.rebuildMembers(queue);
  }

  /** The queue's members in a stable order (by id), whatever their presence. */
  membersOf(queueId: string): QueueMembers {
    return this.members.get(queueId) ?? NO_MEMBERS;
  }

  /** The slot of an agent in the pool's arrays, or -1. */
  slotOf(agentId: string): number {
    return this.slotsById.get(agentId) ?? -1;
  }

  /** Capacity units left to the agent in a slot, in the class at `classIndex` (of CAPACITY_CLASSES). */
  roomIn(slot: number, classIndex: number): number {
    return this.capacity[classIndex]![slot]! - this.load[classIndex]![slot]!;
  }

  /** The capacity classes in which the agent has room left (none when it is not in the pool). */
  classesWithRoom(agentId: string): CapacityClass[] {
    const slot = this.slotOf(agentId);
    return slot < 0 ? [] : CAPACITY_CLASSES.filter((_, c) => this.roomIn(slot, c) > 0);
  }

  /** Where a slot stands among a queue's members, or -1 when it is not one of them. */
  positionIn(queueId: string, slot: number): number {
    const { slots } = this.membersOf(queueId);
    const id = this.agents[slot]?.id;
    if (id === undefined) return -1;
    let low = 0;
    let high = slots.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const other = this.agents[slots[mid]!]!.id;
      if (other === id) return mid;
      if (other < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** The queues an agent belongs to. */
  queuesOf(agentId: string): string[] {
    const slot = this.slotOf(agentId);
    if (slot < 0) return [];
    return [...this.members.keys()].filter((queueId) => this.positionIn(queueId, slot) >= 0);
  }

  get size(): number {
    return this.slotsById.size;
  }

  /** Adds or refreshes an agent (skills, presence, capacity…) and its queue memberships; load is kept. */
  upsert(agent: Agent): void {
    const known = this.slotsById.has(agent.id);
    const slot = this.slotFor(agent.id);
    const lastAssignedAt = known ? Math.max(this.lastAssignedAt[slot]!, agent.statusChangedAt) : agent.statusChangedAt;
    this.write(slot, agent);
    this.lastAssignedAt[slot] = lastAssignedAt;
    for (const queue of this.policy.queues.values()) this.updateMembership(queue, slot);
  }

  setLoad(agentId: string, capacityClass: CapacityClass, units: number): void {
    const slot = this.slotOf(agentId);
    if (slot >= 0) this.load[CAPACITY_CLASSES.indexOf(capacityClass)]![slot] = Math.max(0, units);
  }

  /** Replaces every agent's load with counts from the store. */
  resetLoads(loads: readonly AgentLoad[]): void {
    for (const perClass of this.load) perClass.fill(0);
    for (const load of loads) this.setLoad(load.agentId, load.capacityClass, load.units);
  }

  /** Replaces the loads of the agents named with counts from the store (no count: nothing held). */
  resetLoadsOf(agentIds: readonly string[], loads: readonly AgentLoad[]): void {
    for (const agentId of agentIds) {
      const slot = this.slotOf(agentId);
      if (slot >= 0) for (const perClass of this.load) perClass[slot] = 0;
    }
    for (const load of loads) this.setLoad(load.agentId, load.capacityClass, load.units);
  }

  addLoad(agentId: string, capacityClass: CapacityClass, delta: number): void {
    const slot = this.slotOf(agentId);
    if (slot < 0) return;
    const perClass = this.load[CAPACITY_CLASSES.indexOf(capacityClass)]!;
    perClass[slot] = Math.max(0, perClass[slot]! + delta);
  }

  markAssigned(agentId: string, at: number): void {
    const slot = this.slotOf(agentId);
    if (slot >= 0) this.lastAssignedAt[slot] = Math.max(this.lastAssignedAt[slot]!, at);
  }

  /** The expression view of an agent with its current load and idle time filled in. */
  freshVars(slot: number, now: number): AgentVars {
    const vars = this.vars[slot]!;
    vars.load.email = this.load[0]![slot]!;
    vars.load.chat = this.load[1]![slot]!;
    vars.load.phone = this.load[2]![slot]!;
    vars.idle_seconds = Math.max(0, (now - this.lastAssignedAt[slot]!) / 1000);
    return vars;
  }

  private slotFor(agentId: string): number {
    const known = this.slotsById.get(agentId);
    if (known !== undefined) return known;
    const slot = this.slotsById.size;
    if (slot >= this.available.length) this.grow(this.available.length * 2);
    this.slotsById.set(agentId, slot);
    return slot;
  }

  private write(slot: number, agent: Agent): void {
    this.agents[slot] = agent;
    this.vars[slot] = agentVars(agent);
    this.available[slot] = agent.status === 'available' && agent.removedAt === null ? 1 : 0;
    this.hasHours[slot] = agent.workingHours ? 1 : 0;
    this.lastAssignedAt[slot] = agent.statusChangedAt;
    this.lat[slot] = agent.location?.lat ?? Number.NaN;
    this.lon[slot] = agent.location?.lon ?? Number.NaN;
    CAPACITY_CLASSES.forEach((c, i) => { this.capacity[i]![slot] = agent.capacity[c] ?? 0; });
  }

  private grow(size: number): void {
    const copy = <T extends Uint8Array | Float64Array>(from: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(from);
      return next;
    };
    this.available = copy(this.available, (n) => new Uint8Array(n));
    this.hasHours = copy(this.hasHours, (n) => new Uint8Array(n));
    this.lastAssignedAt = copy(this.lastAssignedAt, (n) => new Float64Array(n));
    this.lat = copy(this.lat, (n) => new Float64Array(n));
    this.lon = copy(this.lon, (n) => new Float64Array(n));
    this.capacity = CAPACITY_CLASSES.map((_, i) => copy(this.capacity[i] ?? new Float64Array(0), (n) => new Float64Array(n)));
    this.load = CAPACITY_CLASSES.map((_, i) => copy(this.load[i] ?? new Float64Array(0), (n) => new Float64Array(n)));
  }

  private rebuildMembers(queue: CompiledQueue): void {
    const slots = [...this.slotsById.values()]
      .filter((slot) => this.belongs(queue, slot))
      .sort((a, b) => (this.agents[a]!.id < this.agents[b]!.id ? -1 : 1));
    const skill = queue.skill ?? '';
    this.members.set(queue.id, {
      slots: Int32Array.from(slots),
      skill: Float64Array.from(slots, (slot) => this.agents[slot]!.skills[skill] ?? 0),
    });
  }

  /** Adds, keeps or drops one agent in a queue's sorted member list (cheaper than a rebuild). */
  private updateMembership(queue: CompiledQueue, slot: number): void {
    const current = this.membersOf(queue.id);
    const at = this.positionIn(queue.id, slot);
    const belongs = this.belongs(queue, slot);
    const level = this.agents[slot]!.skills[queue.skill ?? ''] ?? 0;
    if (at >= 0 && belongs) {
      current.skill[at] = level;
      return;
    }
    if (at < 0 && !belongs) return;
    const slots = Array.from(current.slots);
    const skill = Array.from(current.skill);
    if (at >= 0) {
      slots.splice(at, 1);
      skill.splice(at, 1);
    } else {
      const id = this.agents[slot]!.id;
      let insertAt = 0;
      while (insertAt < slots.length && this.agents[slots[insertAt]!]!.id < id) insertAt++;
      slots.splice(insertAt, 0, slot);
      skill.splice(insertAt, 0, level);
    }
    this.members.set(queue.id, { slots: Int32Array.from(slots), skill: Float64Array.from(skill) });
  }

  private belongs(queue: CompiledQueue, slot: number): boolean {
    if (this.agents[slot]!.removedAt !== null) return false;
    if (!queue.members) return true;
    this.env.agent = this.vars[slot];
    try {
      return queue.members(this.env) === true;
    } catch {
      // A membership rule that faults on this agent (say, a missing attribute) leaves them out.
      return false;
    }
  }
}
