/** What history says about one agent in one category: how many outcomes, and their summed score. */
export interface PerformanceRecord {
  agentId: string;
  category: string;
  count: number;
  scoreSum: number;
}

/** What is known about a resolved ticket when its outcome is scored. */
export interface ResolvedOutcome {
  resolutionHours: number;
  reopened: boolean;
  reroutes: number;
  /** 1..5, or null when the requester did not rate. */
  csat: number | null;
}

/** Resolution time at which the speed part of the score is one half. */
const HALF_SPEED_HOURS = 24;

/**
 * Scores one resolved ticket in 0..1: fast resolution, a good rating, not reopened, not bounced
 * between people. Without a rating the other parts carry its weight.
 */
export function outcomeScore(outcome: ResolvedOutcome): number {
  const speed = HALF_SPEED_HOURS / (HALF_SPEED_HOURS + Math.max(0, outcome.resolutionHours));
  const clean = (outcome.reopened ? 0 : 0.6) + (outcome.reroutes === 0 ? 0.4 : outcome.reroutes === 1 ? 0.2 : 0);
  if (outcome.csat === null) return 0.5 * speed + 0.5 * clean;
  return 0.3 * speed + 0.3 * clean + 0.4 * ((outcome.csat - 1) / 4);
}

/** How many outcomes the prior is worth: small samples lean on the category's average. */
const PRIOR_WEIGHT = 5;
/** Exploration strength: an agent with little history gets a bonus that shrinks as it grows. */
const EXPLORATION = 0.15;

/** Per agent × category statistics with smoothing and exploration for `best_performer`. */
export class PerformanceTable {
  private readonly byAgent = new Map<string, Map<string, PerformanceRecord>>();
  private readonly byCategory = new Map<string, { count: number; scoreSum: number }>();
  /** Moves with every change, so callers can cache what they derived from the table. */
  version = 0;

  constructor(records: Iterable<PerformanceRecord>) {
    for (const record of records) this.add(record);
  }

  /** Adds outcomes to the table (used when a ticket resolves). */
  add(record: PerformanceRecord): void {
    this.version++;
    const perAgent = this.byAgent.get(record.agentId) ?? new Map<string, PerformanceRecord>();
    const existing = perAgent.get(record.category);
    perAgent.set(record.category, existing
      ? { ...existing, count: existing.count + record.count, scoreSum: existing.scoreSum + record.scoreSum }
      : { ...record });
    this.byAgent.set(record.agentId, perAgent);
    const total = this.byCategory.get(record.category) ?? { count: 0, scoreSum: 0 };
    this.byCategory.set(record.category, { count: total.count + record.count, scoreSum: total.scoreSum + record.scoreSum });
  }

  /**
   * The agent's expected outcome in the category, smoothed toward the category mean, plus an
   * upper-confidence bonus so new agents get work and prove themselves.
   */
  score(agentId: string, category: string): { smoothed: number; bonus: number; count: number } {
    const total = this.byCategory.get(category);
    const prior = total && total.count > 0 ? total.scoreSum / total.count : 0.5;
    const own = this.byAgent.get(agentId)?.get(category);
    const count = own?.count ?? 0;
    const smoothed = ((own?.scoreSum ?? 0) + PRIOR_WEIGHT * prior) / (count + PRIOR_WEIGHT);
    const bonus = EXPLORATION * Math.sqrt(Math.log((total?.count ?? 0) + 2) / (count + 1));
    return { smoothed, bonus, count };
  }
}
