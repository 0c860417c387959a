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

function loadRatio(pool: AgentPool, slot: number, ctx: ScoringContext): number {
  const capacity = pool.capacity[ctx.classIndex]![slot]!;
  return capacity > 0 ? pool.load[ctx.classIndex]![slot]! / capacity : 1;
}

function idleSeconds(pool: AgentPool, slot: number, now: number): number {
  return Math.max(0, (now - pool.lastAssignedAt[slot]!) / 1000);
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

/** Scores one eligible member (its slot and its position in the queue); false when it cannot be ranked. */
export type Scorer = (slot: number, position: number, out: Score) => boolean;

/**
 * The queue's strategy as a scorer for one decision. Hot path: each scorer closes over just the
 * typed arrays it reads, so scoring a member is a few array reads and no allocation.
 */
export function scorerFor(pool: AgentPool, ctx: ScoringContext): Scorer {
  const capacity = pool.capacity[ctx.classIndex]!;
  const load = pool.load[ctx.classIndex]!;
  const lastAssignedAt = pool.lastAssignedAt;
  const { now, turnAfter } = ctx;
  const skill = ctx.members.skill;
  const ratio = (slot: number) => (capacity[slot]! > 0 ? load[slot]! / capacity[slot]! : 1);
  const idle = (slot: number) => Math.max(0, (now - lastAssignedAt[slot]!) / 1000);
  switch (ctx.queue.strategy) {
    case 'round_robin':
      return (_slot, position, out) => { out.primary = position > turnAfter ? 1 : 0; out.secondary = -position; return true; };
    case 'least_busy':
      return (slot, _position, out) => { out.primary = -ratio(slot); out.secondary = idle(slot); return true; };
    case 'longest_idle':
      return (slot, _position, out) => { out.primary = idle(slot); out.secondary = -ratio(slot); return true; };
    case 'most_skilled':
      return (slot, position, out) => { out.primary = skill[position]!; out.secondary = -ratio(slot); return true; };
    case 'best_performer':
      return (slot, _position, out) => { out.primary = performanceOf(slot, ctx); out.secondary = -ratio(slot); return true; };
    case 'nearest':
      return (slot, _position, out) => {
        const km = distance(pool, slot, ctx);
        if (km === null) return false;
        out.primary = -km;
        out.secondary = -ratio(slot);
        return true;
      };
    case 'weighted':
      return (slot, position, out) => { out.primary = weightedTotal(pool, slot, position, ctx); out.secondary = idle(slot); return true; };
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
    idle_seconds: Math.round(idleSeconds(pool, slot, ctx.now)),
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
