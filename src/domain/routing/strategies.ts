import { haversineKm } from './dispatch/geo.js';
import type { CompiledQueue } from './compiled-policy.js';
import type { PerformanceTable } from './performance.js';
import type { PoolEntry } from './agent-pool.js';

/** What a strategy needs to know about the decision at hand. */
export interface ScoringContext {
  queue: CompiledQueue;
  classIndex: number;
  /** Capacity units this ticket takes. */
  size: number;
  now: number;
  location: { lat: number; lon: number } | null;
  category: string;
  performance: PerformanceTable;
  /** The member after which round-robin continues (by id order). */
  lastAssignedId: string | null;
}

/** Two-level score: higher is better; `secondary` breaks ties. Null when the agent cannot be ranked. */
export interface Score {
  primary: number;
  secondary: number;
}

function loadRatio(entry: PoolEntry, ctx: ScoringContext): number {
  const capacity = entry.capacity[ctx.classIndex]!;
  return capacity > 0 ? entry.load[ctx.classIndex]! / capacity : 1;
}

function idleSeconds(entry: PoolEntry, now: number): number {
  return Math.max(0, (now - entry.lastAssignedAt) / 1000);
}

function distance(entry: PoolEntry, ctx: ScoringContext): number | null {
  const home = entry.agent.location;
  return home && ctx.location ? haversineKm(home, ctx.location) : null;
}

function performanceOf(entry: PoolEntry, ctx: ScoringContext): number {
  const { smoothed, bonus } = ctx.performance.score(entry.id, ctx.category);
  return smoothed + bonus;
}

/**
 * Ranks one eligible agent under the queue's strategy. Written for the hot path: no allocation
 * beyond the result, and only the inputs the strategy needs are read.
 */
export function scoreAgent(entry: PoolEntry, position: number, ctx: ScoringContext, out: Score): boolean {
  switch (ctx.queue.strategy) {
    case 'round_robin':
      out.primary = ctx.lastAssignedId !== null && entry.id > ctx.lastAssignedId ? 1 : 0;
      out.secondary = -position;
      return true;
    case 'least_busy':
      out.primary = -loadRatio(entry, ctx);
      out.secondary = idleSeconds(entry, ctx.now);
      return true;
    case 'longest_idle':
      out.primary = idleSeconds(entry, ctx.now);
      out.secondary = -loadRatio(entry, ctx);
      return true;
    case 'most_skilled':
      out.primary = entry.agent.skills[ctx.queue.skill ?? ''] ?? 0;
      out.secondary = -loadRatio(entry, ctx);
      return true;
    case 'best_performer':
      out.primary = performanceOf(entry, ctx);
      out.secondary = -loadRatio(entry, ctx);
      return true;
    case 'nearest': {
      const km = distance(entry, ctx);
      if (km === null) return false;
      out.primary = -km;
      out.secondary = -loadRatio(entry, ctx);
      return true;
    }
    case 'weighted':
      out.primary = weightedParts(entry, ctx).total;
      out.secondary = idleSeconds(entry, ctx.now);
      return true;
  }
}

/** The parts of the `weighted` score, each in 0..1, and their weighted sum. */
export function weightedParts(entry: PoolEntry, ctx: ScoringContext): Record<string, number> & { total: number } {
  const w = ctx.queue.weights;
  const skill = Math.min(1, (entry.agent.skills[ctx.queue.skill ?? ''] ?? 0) / 10);
  const load = 1 - Math.min(1, loadRatio(entry, ctx));
  const performance = Math.min(1, performanceOf(entry, ctx));
  const km = distance(entry, ctx);
  const near = km === null ? 0 : 1 - Math.min(km, ctx.queue.maxDistanceKm) / ctx.queue.maxDistanceKm;
  return { skill, load, performance, distance: near, total: w.skill * skill + w.load * load + w.performance * performance + w.distance * near };
}

/** What a candidate's score is made of, for the explanation of a decision. */
export function explainScore(entry: PoolEntry, ctx: ScoringContext): Record<string, number | null> {
  const parts: Record<string, number | null> = {
    load_ratio: round(loadRatio(entry, ctx)),
    idle_seconds: Math.round(idleSeconds(entry, ctx.now)),
  };
  if (ctx.queue.skill) parts.skill = entry.agent.skills[ctx.queue.skill] ?? 0;
  if (ctx.queue.strategy === 'best_performer' || ctx.queue.strategy === 'weighted') {
    const { smoothed, bonus, count } = ctx.performance.score(entry.id, ctx.category);
    Object.assign(parts, { performance: round(smoothed), exploration_bonus: round(bonus), history: count });
  }
  if (ctx.queue.strategy === 'nearest' || ctx.queue.strategy === 'weighted') {
    const km = distance(entry, ctx);
    parts.distance_km = km === null ? null : round(km);
  }
  return parts;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
