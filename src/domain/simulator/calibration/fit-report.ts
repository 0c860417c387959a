import type { IntervalFigures } from '../interval-statistics.js';
import type { PolicyFigures } from '../simulation-result.js';
import type { HistoryIntervals } from './history-intervals.js';

/** One figure, from the history and from the calibrated scenario's run, and the run's error relative to the history. */
export interface ComparedFigure {
  history: number | null;
  simulated: number | null;
  relative_error: number | null;
}

/** The figures compared for one interval, or for the whole log. */
export interface ComparedFigures {
  offered: ComparedFigure;
  answered: ComparedFigure;
  abandoned: ComparedFigure;
  asa_s: ComparedFigure;
  abandonment_of_queued: ComparedFigure;
}

/** How well the calibrated scenario reproduces its log (docs/simulator.md, "Fit report"). */
export interface FitReport {
  totals: ComparedFigures;
  /** Per interval with calls in the history or the run. */
  intervals: (ComparedFigures & { start: string })[];
  /** The mean absolute difference per interval, weighted by the history's offered calls. */
  weighted_mean_absolute_error: { asa_s: number | null; abandonment_of_queued: number | null };
}

interface Counts {
  offered: number;
  answered: number;
  abandoned: number;
  queued: number;
  waitSum: number;
}

/** Compares the run's figures per interval with the history's, interval by interval, and in total. */
export function fitReport(history: HistoryIntervals, run: PolicyFigures): FitReport {
  const simulated = new Map((run.intervals ?? []).map((figures) => [Date.parse(figures.start), countsOf(figures)]));
  const starts = [...new Set([...history.byStart.keys(), ...simulated.keys()])].sort((a, b) => a - b);
  const empty: Counts = { offered: 0, answered: 0, abandoned: 0, queued: 0, waitSum: 0 };
  const intervals = starts
    .map((start) => ({ start, past: history.byStart.get(start) ?? empty, sim: simulated.get(start) ?? empty }))
    .filter(({ past, sim }) => past.offered > 0 || sim.offered > 0)
    .map(({ start, past, sim }) => ({ start: new Date(start).toISOString(), ...compare(past, sim) }));
  const sum = (pick: (c: { past: Counts; sim: Counts }) => Counts) => starts.reduce((total, start) => add(total, pick({ past: history.byStart.get(start) ?? empty, sim: simulated.get(start) ?? empty })), { ...empty });
  return {
    totals: compare(sum((c) => c.past), sum((c) => c.sim)),
    intervals,
    weighted_mean_absolute_error: { asa_s: weightedError(intervals, 'asa_s'), abandonment_of_queued: weightedError(intervals, 'abandonment_of_queued') },
  };
}

function countsOf(figures: IntervalFigures): Counts {
  return { offered: figures.offered, answered: figures.answered, abandoned: figures.abandoned, queued: figures.queued, waitSum: (figures.asa_s ?? 0) * figures.answered };
}

function add(a: Counts, b: Counts): Counts {
  return { offered: a.offered + b.offered, answered: a.answered + b.answered, abandoned: a.abandoned + b.abandoned, queued: a.queued + b.queued, waitSum: a.waitSum + b.waitSum };
}

function compare(past: Counts, sim: Counts): ComparedFigures {
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    offered: figure(past.offered, sim.offered),
    answered: figure(past.answered, sim.answered),
    abandoned: figure(past.abandoned, sim.abandoned),
    asa_s: figure(ratio(past.waitSum, past.answered), ratio(sim.waitSum, sim.answered)),
    abandonment_of_queued: figure(ratio(past.abandoned, past.queued), ratio(sim.abandoned, sim.queued)),
  };
}

function figure(history: number | null, simulated: number | null): ComparedFigure {
  const relative = history !== null && simulated !== null && history !== 0 ? (simulated - history) / history : null;
  return { history, simulated, relative_error: relative };
}

function weightedError(intervals: ComparedFigures[], key: 'asa_s' | 'abandonment_of_queued'): number | null {
  let weight = 0;
  let total = 0;
  for (const interval of intervals) {
    const { history, simulated } = interval[key];
    if (history === null || simulated === null) continue;
    weight += interval.offered.history!;
    total += interval.offered.history! * Math.abs(simulated - history);
  }
  return weight > 0 ? total / weight : null;
}
