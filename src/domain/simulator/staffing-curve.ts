import { INTERVAL_MINUTES, MAX_INTERVALS } from './staffing-plan.js';

/**
 * A staffing curve: the head count on shift per interval, from `start` on, the way a planner
 * rosters by date; the last interval's head count holds until the run has drained.
 */
export interface StaffingCurveDocument {
  /** When the first interval begins (default: the scenario's start). */
  start?: string;
  interval_min: number;
  /** Agents rostered per interval; the roster's agents are taken in order. */
  agents: number[];
  /** Share of rostered time not taking work (breaks, meetings, absence), 0 ≤ s < 1. */
  shrinkage?: number;
}

/** The curve as the simulation follows it: when each interval begins and how many agents take work in it. */
export interface StaffingCurve {
  start: number;
  intervalMs: number;
  /** Agents taking work per interval: the rostered head count after shrinkage, to the nearest agent. */
  working: Int32Array;
}

/** Every mistake in a scenario's staffing curve, at its path, given the roster's size and whether agents keep working hours. */
export function checkStaffingCurve(curve: StaffingCurveDocument, rosterSize: number, hasWorkingHours: boolean): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const add = (path: string, message: string) => errors.push({ path: `/staffing${path}`, message });
  if (curve.start !== undefined && Number.isNaN(Date.parse(curve.start))) add('/start', 'start must be an ISO 8601 instant.');
  if (!(INTERVAL_MINUTES as readonly number[]).includes(curve.interval_min)) add('/interval_min', `interval_min must be one of ${INTERVAL_MINUTES.join(', ')}.`);
  if (curve.agents.length === 0 || curve.agents.length > MAX_INTERVALS) add('/agents', `A curve has from 1 to ${MAX_INTERVALS} intervals.`);
  const bad = curve.agents.findIndex((n) => !Number.isInteger(n) || n < 0 || n > rosterSize);
  if (bad >= 0) add(`/agents/${bad}`, `A head count is a whole number from 0 to the roster's ${rosterSize} agents.`);
  const shrinkage = curve.shrinkage ?? 0;
  if (!(shrinkage >= 0 && shrinkage < 1)) add('/shrinkage', 'shrinkage is a share from 0 up to (not including) 1.');
  if (hasWorkingHours) add('', 'A staffing curve says who works when; leave out the agent groups\' working_hours.');
  return errors;
}

/** Promises the curve of a checked document, its intervals from `start` (ms) on. */
export function staffingCurve(curve: StaffingCurveDocument, scenarioStart: number): StaffingCurve {
  const shrinkage = curve.shrinkage ?? 0;
  return {
    start: curve.start === undefined ? scenarioStart : Date.parse(curve.start),
    intervalMs: curve.interval_min * 60_000,
    working: Int32Array.from(curve.agents, (n) => Math.round(n * (1 - shrinkage))),
  };
}
