import type { PerformanceRecord } from '../routing/performance.js';
import { ratio, spreadOf, type Spread } from './percentiles.js';

/** What the store knows about one agent's work: counts over the window, load and capacity now. */
export interface AgentActivity {
  agentId: string;
  name: string;
  /** Times the agent was given a ticket in the window (by routing, an accepted offer, dispatch or by hand). */
  assigned: number;
  /** Tickets resolved in the window while the agent held them. */
  resolved: number;
  /** Capacity units the agent's assigned and in-progress tickets take now. */
  openLoad: number;
  /** Tickets the agent holds now (assigned, in progress, pending, on hold). */
  openTickets: number;
  /** The agent's capacity summed over its classes (email, chat, phone). */
  capacity: number;
  /** From being given each ticket resolved in the window to its resolution, sorted ascending. */
  handleMs: number[];
}

export interface AgentFigures extends Omit<AgentActivity, 'handleMs'> {
  utilization: number | null;
  handleTime: Spread;
}

/** An agent's activity as figures: load over capacity, and the spread of handle times. */
export function agentFigures(activity: AgentActivity): AgentFigures {
  const { handleMs, ...rest } = activity;
  return { ...rest, utilization: ratio(activity.openLoad, activity.capacity), handleTime: spreadOf(handleMs) };
}

/** How many tickets of a category an agent resolved in the window. */
export interface CategoryResolutions {
  category: string;
  agentId: string;
  resolved: number;
}

export interface BestPerformer extends CategoryResolutions {
  /** The agent's mean outcome score in the category (0..1, learned from every resolution), or null when none was learned. */
  score: number | null;
}

/**
 * The best agent of each category among those who resolved some of it in the window: highest
 * learned score, then most resolved, then agent id, so the choice is stable. Sorted by category.
 */
export function bestPerformers(rows: readonly CategoryResolutions[], learned: readonly PerformanceRecord[]): BestPerformer[] {
  const scores = new Map(learned.map((r) => [`${r.agentId}\u0000${r.category}`, ratio(r.scoreSum, r.count)]));
  const best = new Map<string, BestPerformer>();
  for (const row of rows) {
    const candidate = { ...row, score: scores.get(`${row.agentId}\u0000${row.category}`) ?? null };
    const current = best.get(row.category);
    if (!current || beats(candidate, current)) best.set(row.category, candidate);
  }
  return [...best.values()].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}

function beats(a: BestPerformer, b: BestPerformer): boolean {
  const sa = a.score ?? -1;
  const sb = b.score ?? -1;
  if (sa !== sb) return sa > sb;
  if (a.resolved !== b.resolved) return a.resolved > b.resolved;
  return a.agentId < b.agentId;
}
