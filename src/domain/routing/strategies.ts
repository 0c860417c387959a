import { haversineKm } from './dispatch/geo.js';
import type { AgentPool, QueueMembers } from './agent-pool.js';
import type { CompiledQueue } from './compiled-policy.js';
import type { PerformanceTable } from './performance.js';

/** What a strategy needs to know about the decision at hand. */
export interface ScoringContext {
  queue: CompiledQueue;
  members: QueueMembers;
  classIndex: number;
  /** Capacity units this ticket takes. */
  size: number;
  now: number;
  location: { lat: number; lon: number } | null;
  category: string;
  performance: PerformanceTable;
  /** Expected outcome (smoothed score plus exploration bonus) by slot, for the strategies that use it. */
  expected: Float64Array | null;
  /** Round-robin continues after this member position (-1: from the start). */
  turnAfter: number;
}

/** Two-level score: higher is better; `secondary` breaks ties. */
export interface Score {
  primary: number;
  secondary: number;
}

/** The share of the member's capacity in use (1 without capacity in the class). */
function shareUsed(load: Float64Array, capacity: Float64Array, slot: number): number {
  return capacity[slot]! > 0 ? load[slot]! / capacity[slot]! : 1;
}

/** Seconds since the member was last given work (or changed presence). */
function idleFor(lastAssignedAt: Float64Array, slot: number, now: number): number {
  return Math.max(0, (now - lastAssignedAt[slot]!) / 1000);
}

function loadRatio(pool: AgentPool, slot: number, ctx: ScoringContext): number {
  return shareUsed(pool.load[ctx.classIndex]!, pool.capacity[ctx.classIndex]!, slot);
}

function distance(pool: AgentPool, slot: number, ctx: ScoringContext): number | null {
  const lat = pool.lat[slot]!;
  if (ctx.location === null || Number.isNaN(lat)) return null;
  return haversineKm({ lat, lon: pool.lon[slot]! }, ctx.location);
}

function performanceOf(slot: number, ctx: ScoringContext): number {
  return ctx.expected?.[slot] ?? 0;
}

/** Each slot's expected outcome in the category, computed once per category and table version. */
export function expectedOutcomes(pool: AgentPool, performance: PerformanceTable, category: string): Float64Array {
  const expected = new Float64Array(pool.agents.length);
  pool.agents.forEach((agent, slot) => {
    const { smoothed, bonus } = performance.score(agent.id, category);
    expected[slot] = smoothed + bonus;
  });
  return expected;
}

/**
 * Scores the queue's members at positions `from` up to `to` by the queue's strategy into `into`
 * (index 0 is `from`): higher is better; a member that cannot be ranked (`nearest` without a
 * location) gets NaN. Hot path: one tight loop per strategy over typed arrays, no call per member
 * and no allocation. Ties are broken by `secondaryScore`, asked only for the few members it decides.
 */
export function primaryScores(pool: AgentPool, ctx: ScoringContext, from: number, to: number, into: Float64Array): void {
  const capacity = pool.capacity[ctx.classIndex]!;
  const load = pool.load[ctx.classIndex]!;
  const { slots, skill } = ctx.members;
  switch (ctx.queue.strategy) {
    case 'round_robin':
      for (let i = from; i < to; i++) into[i - from] = i > ctx.turnAfter ? 1 : 0;
      return;
    case 'least_busy':
      for (let i = from; i < to; i++) into[i - from] = -shareUsed(load, capacity, slots[i]!);
      return;
    case 'longest_idle':
      for (let i = from; i < to; i++) into[i - from] = idleFor(pool.lastAssignedAt, slots[i]!, ctx.now);
      return;
    case 'most_skilled':
      for (let i = from; i < to; i++) into[i - from] = skill[i]!;
      return;
    case 'best_performer':
      for (let i = from; i < to; i++) into[i - from] = performanceOf(slots[i]!, ctx);
      return;
    case 'nearest':
      for (let i = from; i < to; i++) into[i - from] = -(distance(pool, slots[i]!, ctx) ?? Number.NaN);
      return;
    case 'weighted':
      for (let i = from; i < to; i++) into[i - from] = weightedTotal(pool, slots[i]!, i, ctx);
      return;
  }
}

/**
 * What breaks a tie between equal primary scores, for the member at `position`. The router asks
 * only when the primary score does not settle a member's place, so most members never need it.
 */
export function secondaryScore(pool: AgentPool, ctx: ScoringContext, position: number, slot: number): number {
  switch (ctx.queue.strategy) {
    case 'round_robin': return -position;
    case 'least_busy':
    case 'weighted': return idleFor(pool.lastAssignedAt, slot, ctx.now);
    default: return -loadRatio(pool, slot, ctx);
  }
}

/** The `weighted` score: skill, free room, performance and nearness, each scaled to 0..1, by the queue's weights. Hot path: no allocation. */
function weightedTotal(pool: AgentPool, slot: number, position: number, ctx: ScoringContext): number {
  const w = ctx.queue.weights;
  let total = w.skill * Math.min(1, ctx.members.skill[position]! / 10) + w.load * (1 - Math.min(1, loadRatio(pool, slot, ctx)));
  if (w.performance !== 0) total += w.performance * Math.min(1, performanceOf(slot, ctx));
  if (w.distance !== 0) {
    const km = distance(pool, slot, ctx);
    if (km !== null) total += w.distance * (1 - Math.min(km, ctx.queue.maxDistanceKm) / ctx.queue.maxDistanceKm);
  }
  return total;
}

/** What a candidate's score is made of, for the explanation of a decision. */
export function explainScore(pool: AgentPool, slot: number, position: number, ctx: ScoringContext): Record<string, number | null> {
  const parts: Record<string, number | null> = {
    load_ratio: round(loadRatio(pool, slot, ctx)),
    idle_seconds: Math.round(idleFor(pool.lastAssignedAt, slot, ctx.now)),
  };
  if (ctx.queue.skill) parts.skill = ctx.members.skill[position] ?? 0;
  if (ctx.queue.strategy === 'best_performer' || ctx.queue.strategy === 'weighted') {
    const { smoothed, bonus, count } = ctx.performance.score(pool.agents[slot]!.id, ctx.category);
    Object.assign(parts, { performance: round(smoothed), exploration_bonus: round(bonus), history: count });
  }
  if (ctx.queue.strategy === 'nearest' || ctx.queue.strategy === 'weighted') {
    const km = distance(pool, slot, ctx);
    parts.distance_km = km === null ? null : round(km);
  }
  return parts;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
