import { fail } from '../errors.js';
import { checkDistribution, meanOf, type DistributionDocument } from './distributions.js';
import { erlangA, erlangC, type QueuePrediction } from './erlang.js';

/** What a staffing plan must reach in every interval. */
export type StaffingTarget =
  | { service_level: number; within_s: number }
  | { asa_s: number }
  | { abandonment: number };

/** A request for the head count per interval (docs/simulator.md, "Staffing plan"). */
export interface StaffingRequest {
  /** Interval length in minutes: 15, 30 or 60. */
  interval_min: number;
  /** Calls offered per interval, with a label each (a time of day, a date and time). */
  intervals: { label: string; calls: number }[];
  handle_time: DistributionDocument;
  /** How long callers wait before hanging up; without it nobody does (Erlang C). */
  patience?: DistributionDocument | null;
  target: StaffingTarget;
  /** Share of paid time agents are not taking calls (breaks, meetings, absence), 0 ≤ s < 1. */
  shrinkage?: number;
}

export const INTERVAL_MINUTES = [15, 30, 60] as const;
export const MAX_INTERVALS = 4 * 7 * 96;
/** No plan asks for more agents in one interval; a target that needs more is out of reach. */
export const MAX_PLANNED_AGENTS = 20_000;

/** The figures a head count gives in one interval. */
export interface StaffingFigures {
  p_wait: number;
  asa_s: number;
  service_level: number | null;
  abandonment: number | null;
  /** Busy share of the agents' time: the answered calls' load over the head count. */
  occupancy: number;
}

/** A head count and the figures it gives. */
export interface Staffed {
  agents: number;
  figures: StaffingFigures | null;
}

/** One interval of a plan: the fewest agents that reach the target, and what they achieve. */
export interface IntervalStaffing {
  label: string;
  calls: number;
  offered_erlangs: number;
  /** Erlang C's (or A's) answer; null when no head count up to MAX_PLANNED_AGENTS reaches the target. */
  erlang: Staffed | null;
  /** The answer adjusted by simulation, when the plan was checked. */
  simulated: Staffed | null;
  /** Agents taking calls: the simulated answer when there is one, else Erlang's. */
  agents: number | null;
  /** Agents to roster so that `agents` take calls after shrinkage. */
  scheduled: number | null;
}

export interface StaffingPlan {
  model: 'erlang_c' | 'erlang_a';
  interval_min: number;
  /** Whether each interval's head count was checked (and adjusted) by simulation. */
  checked: boolean;
  intervals: IntervalStaffing[];
  /** Agent-hours taking calls and rostered agent-hours over the plan (null if an interval is out of reach). */
  agent_hours: number | null;
  scheduled_hours: number | null;
}

/** Every mistake in a staffing request, each with its JSON path; empty when it can be planned. */
export function checkStaffingRequest(request: StaffingRequest): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (!(INTERVAL_MINUTES as readonly number[]).includes(request.interval_min)) {
    errors.push({ path: '/interval_min', message: `interval_min must be one of ${INTERVAL_MINUTES.join(', ')}.` });
  }
  if (request.intervals.length === 0 || request.intervals.length > MAX_INTERVALS) {
    errors.push({ path: '/intervals', message: `A plan has from 1 to ${MAX_INTERVALS} intervals.` });
  }
  request.intervals.forEach((interval, i) => {
    if (!Number.isFinite(interval.calls) || interval.calls < 0) errors.push({ path: `/intervals/${i}/calls`, message: 'calls must be a number of 0 or more.' });
  });
  errors.push(...checkDistribution(request.handle_time, '/handle_time'));
  if (request.patience) errors.push(...checkDistribution(request.patience, '/patience'));
  const shrinkage = request.shrinkage ?? 0;
  if (!Number.isFinite(shrinkage) || shrinkage < 0 || shrinkage >= 1) errors.push({ path: '/shrinkage', message: 'shrinkage is a share from 0 up to (not including) 1.' });
  errors.push(...checkTarget(request.target, request.patience ?? null));
  return errors;
}

function checkTarget(target: StaffingTarget, patience: DistributionDocument | null): { path: string; message: string }[] {
  const kinds = ['service_level', 'asa_s', 'abandonment'].filter((kind) => kind in target);
  if (kinds.length !== 1 || ('within_s' in target && kinds[0] !== 'service_level')) {
    return [{ path: '/target', message: 'Give one target: service_level with within_s, asa_s, or abandonment.' }];
  }
  if ('service_level' in target) {
    const errors = [];
    if (!(target.service_level > 0 && target.service_level < 1)) errors.push({ path: '/target/service_level', message: 'service_level is a share above 0 and below 1.' });
    if (!(Number.isFinite(target.within_s) && target.within_s >= 0)) errors.push({ path: '/target/within_s', message: 'within_s must be a number of seconds, 0 or more.' });
    return errors;
  }
  if ('asa_s' in target) {
    return Number.isFinite(target.asa_s) && target.asa_s > 0 ? [] : [{ path: '/target/asa_s', message: 'asa_s must be a number of seconds above 0.' }];
  }
  if (!patience) return [{ path: '/target/abandonment', message: 'An abandonment target needs the callers\' patience.' }];
  return target.abandonment > 0 && target.abandonment < 1 ? [] : [{ path: '/target/abandonment', message: 'abandonment is a share above 0 and below 1.' }];
}

/** The Erlang plan of a request; refuses (`invalid_staffing_request`, each mistake with its path) one with mistakes. */
export function checkedStaffingPlan(request: StaffingRequest): StaffingPlan {
  const errors = checkStaffingRequest(request);
  if (errors.length > 0) throw fail('invalid_staffing_request', 'The staffing request has mistakes; nothing was planned.', { errors });
  return planStaffing(request);
}

/**
 * Promises, for each interval, the fewest agents whose Erlang C figures (Erlang A when callers
 * have patience) reach the target, with those figures and the rostered head count after shrinkage.
 * Expects a request that `checkStaffingRequest` found without mistakes.
 */
export function planStaffing(request: StaffingRequest): StaffingPlan {
  const intervalS = request.interval_min * 60;
  const handleS = meanOf(request.handle_time);
  const predict = predictor(request);
  const search = predictor(request, 'within_s' in request.target);
  const intervals = request.intervals.map(({ label, calls }): IntervalStaffing => {
    const rate = calls / intervalS;
    const agents = fewestAgents(rate, search, request.target, handleS);
    const erlang = agents === null ? null : { agents, figures: staffingFigures(predict(rate, agents), rate, agents, handleS, 'within_s' in request.target) };
    return { label, calls, offered_erlangs: rate * handleS, erlang, simulated: null, agents, scheduled: null };
  });
  return withRoster(request, { model: request.patience ? 'erlang_a' : 'erlang_c', interval_min: request.interval_min, checked: false, intervals, agent_hours: null, scheduled_hours: null });
}

/** Promises the plan with each interval's rostered head count after shrinkage, and the totals. */
export function withRoster(request: StaffingRequest, plan: StaffingPlan): StaffingPlan {
  const rostered = 1 / (1 - (request.shrinkage ?? 0));
  const intervals = plan.intervals.map((i) => {
    const agents = i.simulated?.agents ?? i.erlang?.agents ?? null;
    return { ...i, agents, scheduled: agents === null ? null : Math.ceil(agents * rostered - 1e-9) };
  });
  const hours = plan.interval_min / 60;
  const total = (pick: (i: IntervalStaffing) => number | null) =>
    (intervals.every((i) => pick(i) !== null) ? intervals.reduce((sum, i) => sum + pick(i)! * hours, 0) : null);
  return { ...plan, intervals, agent_hours: total((i) => i.agents), scheduled_hours: total((i) => i.scheduled) };
}

type Predict = (arrivalsPerS: number, agents: number) => QueuePrediction;

/** Erlang C or A for the request; the service level (the costly part of Erlang A) only when `withLevel`. */
function predictor(request: StaffingRequest, withLevel = true): Predict {
  const handle = meanOf(request.handle_time);
  const threshold = 'within_s' in request.target && withLevel ? request.target.within_s : undefined;
  if (!request.patience) return (rate, agents) => erlangC(rate, handle, agents, threshold ?? 0);
  const patience = meanOf(request.patience);
  return (rate, agents) => erlangA(rate, handle, agents, patience, threshold);
}

/**
 * Promises whether figures reach the target; a positive `slack` loosens it, a negative one tightens
 * it (0.02 is two points of service level, 4 % of the ASA, one point of abandonment).
 */
export function meetsTarget(target: StaffingTarget, figures: { asa_s: number | null; service_level: number | null; abandonment: number | null }, slack = 0): boolean {
  if ('service_level' in target) return figures.service_level !== null && figures.service_level >= target.service_level - slack;
  if ('asa_s' in target) return figures.asa_s !== null && figures.asa_s <= target.asa_s * (1 + 2 * slack);
  return figures.abandonment !== null && figures.abandonment <= target.abandonment + slack / 2;
}

/**
 * The fewest agents that reach the target: the figures improve with every agent added, so a
 * doubling search brackets the answer and a bisection finds it in a few dozen predictions.
 */
function fewestAgents(rate: number, predict: Predict, target: StaffingTarget, handleS: number): number | null {
  if (rate === 0) return 0;
  const meets = (agents: number) => meetsTarget(target, asFigures(predict(rate, agents)));
  let high = Math.min(MAX_PLANNED_AGENTS, Math.max(1, Math.ceil(rate * handleS)));
  while (!meets(high)) {
    if (high >= MAX_PLANNED_AGENTS) return null;
    high = Math.min(MAX_PLANNED_AGENTS, high * 2);
  }
  let low = 0;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (meets(middle)) high = middle;
    else low = middle;
  }
  return high;
}

function asFigures(prediction: QueuePrediction): { asa_s: number; service_level: number | null; abandonment: number | null } {
  return { asa_s: prediction.asaS, service_level: prediction.serviceLevel, abandonment: prediction.abandonment ?? 0 };
}

/** The figures of a head count; a service level only when the target names its threshold. */
function staffingFigures(prediction: QueuePrediction, rate: number, agents: number, handleS: number, hasLevel: boolean): StaffingFigures | null {
  if (agents === 0) return null;
  const answeredShare = 1 - (prediction.abandonment ?? 0);
  return {
    p_wait: prediction.pWait,
    asa_s: prediction.asaS,
    service_level: hasLevel ? prediction.serviceLevel : null,
    abandonment: prediction.abandonment,
    occupancy: Math.min(1, (rate * handleS * answeredShare) / agents),
  };
}
