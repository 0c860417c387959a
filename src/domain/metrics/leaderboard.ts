import { figuresOf, type GroupTally } from './figures.js';
import type { Spread } from './percentiles.js';

/** One agent's row of the leaderboard: what they resolved, how fast, and how it was rated. */
export interface LeaderboardRow {
  agentId: string;
  name: string;
  resolved: number;
  firstResponse: Spread;
  resolution: Spread;
  firstContactResolution: number | null;
  csat: { average: number | null; responses: number };
}

/**
 * The agents' rows from tallies grouped by agent (tickets counted for whoever holds them now),
 * unassigned work left out; most resolved first, then by name.
 */
export function leaderboardOf(byAgent: readonly GroupTally[], names: ReadonlyMap<string, string>): LeaderboardRow[] {
  const rows = byAgent.filter((tally) => tally.key !== null).map((tally) => {
    const figures = figuresOf(tally);
    return {
      agentId: tally.key!, name: names.get(tally.key!) ?? tally.key!, resolved: figures.resolved,
      firstResponse: figures.firstResponse, resolution: figures.resolution,
      firstContactResolution: figures.firstContactResolution,
      csat: { average: figures.csat.average, responses: figures.csat.responses },
    };
  });
  return rows.sort((a, b) => b.resolved - a.resolved || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.agentId < b.agentId ? -1 : 1));
}
