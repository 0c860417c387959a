import { assertValidWorkingHours, type WorkingHours } from '../agent/working-hours.js';
import { DomainError } from '../errors.js';
import type { CapacityClass } from '../routing/capacity.js';
import { compilePolicy } from '../routing/policy-compiler.js';
import type { PolicyDocument } from '../routing/policy.js';
import type { JsonObject } from '../shared/json.js';
import { checkBusinessHours, type BusinessHoursDocument, type SettingsError } from '../sla/business-hours.js';
import { checkSlaPolicy, type SlaPolicyDocument } from '../sla/sla-policy.js';
import { PRIORITIES, type Channel, type Customer, type GeoPoint, type Priority } from '../ticket/ticket.js';
import { checkDistribution, type DistributionDocument } from './distributions.js';
import { checkStaffingCurve, type StaffingCurveDocument } from './staffing-curve.js';
import { INTERVAL_MINUTES } from './staffing-plan.js';

/** One kind of arriving work and its share of the arrivals. */
export interface TicketKind {
  share?: number;
  type?: string;
  channel?: Channel;
  priority?: Priority;
  tags?: string[];
  fields?: JsonObject;
  customer?: Partial<Customer>;
  language?: string;
  /** The queue it is sent to, as a ticket created with `queue` is. */
  queue?: string;
  location?: GeoPoint;
}

/** A ticket of a replayed history: when it arrived (seconds after the start) and what it was. */
export interface ReplayedArrival extends TicketKind {
  at_s: number;
  /** Its own handle time, when history knows it (otherwise drawn from `handle_time`). */
  handle_s?: number;
}

export interface ArrivalsDocument {
  /** Poisson arrivals at this mean rate, shaped by the profiles. */
  rate_per_hour?: number;
  /** 24 multipliers, one per hour of the day (in the scenario's time zone). */
  hourly_profile?: number[];
  /** 7 multipliers, Monday first. */
  weekly_profile?: number[];
  /** Instead of a rate: these arrivals, in any order. */
  replay?: ReplayedArrival[];
  /** Instead of a rate: Poisson arrivals at a rate per weekday and interval (a calibrated profile). */
  weekday_rates?: WeekdayRatesDocument;
}

export interface HandleTimeDocument extends DistributionDocument {
  /** Per ticket type, overriding the default distribution above. */
  by_type?: Record<string, DistributionDocument>;
}

/** How long callers wait before giving up: per ticket type, else per priority, else the default above. */
export interface PatienceDocument extends HandleTimeDocument {
  by_priority?: Partial<Record<Priority, DistributionDocument>>;
}

export interface RedialDocument {
  /** Share of those who abandon who call back, 0 to 1. */
  share: number;
  delay: DistributionDocument;
}

/** Arrival rates per hour by weekday (Monday first) and time-of-day interval, in the scenario's time zone. */
export interface WeekdayRatesDocument {
  interval_min: number;
  /** 7 rows, Monday first, each with one rate per interval of the day (1440 / interval_min). */
  per_hour: number[][];
}

/** A group of alike agents on the roster. */
export interface AgentGroup {
  count: number;
  name?: string;
  skills?: Record<string, number>;
  languages?: string[];
  teams?: string[];
  level?: number;
  capacity?: Partial<Record<CapacityClass, number>>;
  working_hours?: WorkingHours;
  location?: GeoPoint;
  attributes?: JsonObject;
  /** Handle-time divisor: 2 works twice as fast as the distribution says (default 1). */
  speed?: number;
}

export interface NamedPolicy {
  name: string;
  policy: PolicyDocument;
}

/** A simulation scenario (docs/simulator.md); every key but the roster, the load and a policy has a default. */
export interface ScenarioDocument {
  name?: string;
  seed?: number;
  /** When the virtual clock starts, ISO 8601 (default 2026-01-05T00:00:00Z, a Monday). */
  start?: string;
  /** The zone the profiles' hours are read in (default UTC). */
  time_zone?: string;
  duration_s: number;
  /** Arrivals before this are simulated but not counted. */
  warmup_s?: number;
  /** The channel of arrivals whose kind does not say (default phone). */
  channel?: Channel;
  /** The service-level threshold T: the share answered within T seconds (default 20). */
  service_level_s?: number;
  /** Further thresholds to report the service level at, in one run (up to 10). */
  service_levels_s?: number[];
  /** Also report the figures per interval of this many minutes (15, 30 or 60) from the start, by arrival. */
  report_interval_min?: number;
  arrivals: ArrivalsDocument;
  tickets?: TicketKind[];
  handle_time: HandleTimeDocument;
  /** How long a waiting customer stays before giving up (with `by_type`, `by_priority` overrides); none means nobody abandons. */
  patience?: PatienceDocument | null;
  /** Callers who hang up and call back: the share who do, and after what delay (a new call of the same kind). */
  redial?: RedialDocument;
  /** Head count per interval by date, instead of the agent groups' working hours. */
  staffing?: StaffingCurveDocument;
  /** Wrap-up after each call, during which the agent takes no new work (with `by_type` overrides); none means none. */
  after_call_work?: HandleTimeDocument | null;
  agents: AgentGroup[];
  policy?: PolicyDocument;
  /** Two (or more) policies run on the same arrivals and draws, side by side. */
  policies?: NamedPolicy[];
  sla_policies?: SlaPolicyDocument[];
  business_hours?: Record<string, BusinessHoursDocument>;
}

/** Arrivals a single run may generate; more is refused before anything runs. */
export const MAX_SIMULATED_TICKETS = 10_000_000;
/** Tickets a replay may hold. */
export const MAX_REPLAYED_TICKETS = 200_000;
/** Intervals a run reports figures for. */
export const MAX_REPORTED_INTERVALS = 10_000;
/** Agents a roster may hold. */
export const MAX_SIMULATED_AGENTS = 100_000;

export const DEFAULT_START = '2026-01-05T00:00:00Z';

/** The policies a scenario compares, named; one when it gives `policy`. */
export function scenarioPolicies(scenario: ScenarioDocument): NamedPolicy[] {
  return scenario.policies ?? (scenario.policy ? [{ name: 'A', policy: scenario.policy }] : []);
}

/**
 * Every mistake in a scenario, each at its JSON-pointer path, found before anything runs: a
 * negative or missing rate, an empty roster, an unknown distribution, a policy that does not
 * compile, an SLA condition that does not type-check. Empty when the scenario can run.
 */
export function checkScenario(scenario: ScenarioDocument): SettingsError[] {
  const errors: SettingsError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  if (!(scenario.duration_s > 0) || !Number.isFinite(scenario.duration_s)) add('/duration_s', 'duration_s must be a number of seconds above 0.');
  if (scenario.warmup_s !== undefined && !(scenario.warmup_s >= 0 && scenario.warmup_s < scenario.duration_s)) add('/warmup_s', 'warmup_s must be 0 or more and less than duration_s.');
  if (scenario.service_level_s !== undefined && !(scenario.service_level_s >= 0)) add('/service_level_s', 'service_level_s must be 0 or more.');
  (scenario.service_levels_s ?? []).forEach((t, i) => { if (!(t >= 0)) add(`/service_levels_s/${i}`, 'A threshold is 0 seconds or more.'); });
  if (scenario.start !== undefined && Number.isNaN(Date.parse(scenario.start))) add('/start', 'start must be an ISO 8601 instant.');
  if (scenario.time_zone !== undefined) checkZone(scenario.time_zone, add);
  checkArrivals(scenario, add);
  (scenario.tickets ?? []).forEach((kind, i) => {
    if (kind.share !== undefined && !(kind.share >= 0)) add(`/tickets/${i}/share`, 'A share is 0 or more.');
  });
  if (scenario.tickets && scenario.tickets.length > 0 && !scenario.tickets.some((k) => (k.share ?? 1) > 0)) add('/tickets', 'At least one ticket kind needs a share above 0.');
  errors.push(...checkDistribution(scenario.handle_time, '/handle_time'));
  for (const [type, dist] of Object.entries(scenario.handle_time.by_type ?? {})) errors.push(...checkDistribution(dist, `/handle_time/by_type/${type}`));
  if (scenario.patience) checkPatience(scenario.patience, errors);
  if (scenario.report_interval_min !== undefined) checkReportIntervals(scenario, add);
  if (scenario.redial) {
    if (!(scenario.redial.share >= 0 && scenario.redial.share <= 1)) add('/redial/share', 'share is a share from 0 to 1.');
    errors.push(...checkDistribution(scenario.redial.delay, '/redial/delay'));
  }
  const rosterSize = scenario.agents.reduce((sum, group) => sum + (Number.isInteger(group.count) && group.count > 0 ? group.count : 0), 0);
  if (scenario.staffing) errors.push(...checkStaffingCurve(scenario.staffing, rosterSize, scenario.agents.some((g) => g.working_hours)));
  const wrapUp = scenario.after_call_work;
  if (wrapUp) errors.push(...checkDistribution(wrapUp, '/after_call_work'));
  for (const [type, dist] of Object.entries(wrapUp?.by_type ?? {})) errors.push(...checkDistribution(dist, `/after_call_work/by_type/${type}`));
  checkRoster(scenario.agents, add);
  checkPolicies(scenario, errors);
  checkSla(scenario, errors);
  return errors;
}

function checkZone(zone: string, add: (path: string, message: string) => void): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    add('/time_zone', `Unknown time zone "${zone}".`);
  }
}

function checkArrivals(scenario: ScenarioDocument, add: (path: string, message: string) => void): void {
  const { rate_per_hour: rate, replay, hourly_profile: hourly, weekly_profile: weekly, weekday_rates: weekdayRates } = scenario.arrivals;
  const sources = [rate, replay, weekdayRates].filter((x) => x !== undefined).length;
  if (sources === 0) add('/arrivals', 'Give arrivals a rate_per_hour, weekday_rates or a replay.');
  if (sources > 1) add('/arrivals', 'Give one of rate_per_hour, weekday_rates and replay, not several.');
  if (weekdayRates) checkWeekdayRates(weekdayRates, add);
  if (weekdayRates && (hourly || weekly)) add('/arrivals/weekday_rates', 'weekday_rates already shape the day and the week; leave out hourly_profile and weekly_profile.');
  if (rate !== undefined && !(rate > 0 && Number.isFinite(rate))) add('/arrivals/rate_per_hour', 'rate_per_hour must be a number above 0.');
  checkProfile(hourly, 24, '/arrivals/hourly_profile', add);
  checkProfile(weekly, 7, '/arrivals/weekly_profile', add);
  replay?.forEach((arrival, i) => {
    if (!(arrival.at_s >= 0 && arrival.at_s <= scenario.duration_s)) add(`/arrivals/replay/${i}/at_s`, 'at_s must lie between 0 and duration_s.');
    if (arrival.handle_s !== undefined && !(arrival.handle_s >= 0)) add(`/arrivals/replay/${i}/handle_s`, 'handle_s must be 0 or more.');
  });
  const peakRate = weekdayRates ? Math.max(0, ...weekdayRates.per_hour.flat().filter(Number.isFinite)) : (rate ?? 0);
  const expected = replay?.length ?? (peakRate * Math.max(...(hourly ?? [1])) * Math.max(...(weekly ?? [1])) * scenario.duration_s) / 3600;
  if (expected > MAX_SIMULATED_TICKETS) add('/arrivals', `This scenario would simulate about ${Math.round(expected).toLocaleString('en')} tickets; at most ${MAX_SIMULATED_TICKETS.toLocaleString('en')} are run at once.`);
}

function checkWeekdayRates(rates: WeekdayRatesDocument, add: (path: string, message: string) => void): void {
  if (!(INTERVAL_MINUTES as readonly number[]).includes(rates.interval_min)) add('/arrivals/weekday_rates/interval_min', `interval_min must be one of ${INTERVAL_MINUTES.join(', ')}.`);
  const perDay = 1440 / rates.interval_min;
  if (rates.per_hour.length !== 7) add('/arrivals/weekday_rates/per_hour', 'per_hour has 7 rows, Monday first.');
  rates.per_hour.forEach((row, day) => {
    if (row.length !== perDay) add(`/arrivals/weekday_rates/per_hour/${day}`, `A row has one rate per interval of the day: ${perDay}.`);
    const bad = row.findIndex((x) => !(x >= 0) || !Number.isFinite(x));
    if (bad >= 0) add(`/arrivals/weekday_rates/per_hour/${day}/${bad}`, 'A rate is a number of calls per hour, 0 or more.');
  });
  if (!rates.per_hour.some((row) => row.some((x) => x > 0))) add('/arrivals/weekday_rates/per_hour', 'At least one rate must be above 0.');
}

function checkPatience(patience: PatienceDocument, errors: SettingsError[]): void {
  errors.push(...checkDistribution(patience, '/patience'));
  for (const [type, dist] of Object.entries(patience.by_type ?? {})) errors.push(...checkDistribution(dist, `/patience/by_type/${type}`));
  for (const [priority, dist] of Object.entries(patience.by_priority ?? {})) {
    if (!(PRIORITIES as readonly string[]).includes(priority)) errors.push({ path: `/patience/by_priority/${priority}`, message: `Unknown priority; known: ${PRIORITIES.join(', ')}.` });
    else errors.push(...checkDistribution(dist, `/patience/by_priority/${priority}`));
  }
}

function checkReportIntervals(scenario: ScenarioDocument, add: (path: string, message: string) => void): void {
  const minutes = scenario.report_interval_min!;
  if (!(INTERVAL_MINUTES as readonly number[]).includes(minutes)) add('/report_interval_min', `report_interval_min must be one of ${INTERVAL_MINUTES.join(', ')}.`);
  else if (scenario.duration_s / (minutes * 60) > MAX_REPORTED_INTERVALS) add('/report_interval_min', `At most ${MAX_REPORTED_INTERVALS.toLocaleString('en')} intervals are reported; choose longer ones.`);
}

function checkProfile(profile: number[] | undefined, length: number, path: string, add: (path: string, message: string) => void): void {
  if (profile === undefined) return;
  if (profile.length !== length) add(path, `A profile has ${length} multipliers.`);
  const bad = profile.findIndex((x) => !(x >= 0) || !Number.isFinite(x));
  if (bad >= 0) add(`${path}/${bad}`, 'Multipliers are 0 or more.');
  else if (!profile.some((x) => x > 0)) add(path, 'At least one multiplier must be above 0.');
}

function checkRoster(groups: AgentGroup[], add: (path: string, message: string) => void): void {
  if (groups.length === 0) add('/agents', 'A scenario needs at least one group of agents.');
  let total = 0;
  groups.forEach((group, i) => {
    if (!Number.isInteger(group.count) || group.count < 0) add(`/agents/${i}/count`, 'count is a whole number, 0 or more.');
    else total += group.count;
    if (group.speed !== undefined && !(group.speed > 0)) add(`/agents/${i}/speed`, 'speed must be above 0.');
    for (const [cls, units] of Object.entries(group.capacity ?? {})) {
      if (!(units >= 0)) add(`/agents/${i}/capacity/${cls}`, 'Capacity is 0 or more.');
    }
    if (group.working_hours) {
      try {
        assertValidWorkingHours(group.working_hours, `/agents/${i}/working_hours`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        add((error.details as { path: string }).path, error.message);
      }
    }
  });
  if (groups.length > 0 && total === 0) add('/agents', 'The roster has no agents: every count is 0.');
  if (total > MAX_SIMULATED_AGENTS) add('/agents', `At most ${MAX_SIMULATED_AGENTS.toLocaleString('en')} agents are simulated.`);
}

function checkPolicies(scenario: ScenarioDocument, errors: SettingsError[]): void {
  if (scenario.policy && scenario.policies) errors.push({ path: '/policies', message: 'Give either policy or policies, not both.' });
  const policies = scenarioPolicies(scenario);
  if (policies.length === 0) errors.push({ path: '/policy', message: 'A scenario needs a routing policy (policy, or policies to compare).' });
  const names = new Set<string>();
  policies.forEach(({ name, policy }, i) => {
    const base = scenario.policies ? `/policies/${i}` : '';
    if (names.has(name)) errors.push({ path: `${base}/name`, message: `Two policies are named "${name}".` });
    names.add(name);
    const compiled = compilePolicy(policy, 1);
    if (!compiled.ok) errors.push(...compiled.errors.map((e) => ({ ...e, path: `${base}/policy${e.path}` })));
  });
}

function checkSla(scenario: ScenarioDocument, errors: SettingsError[]): void {
  const calendars = scenario.business_hours ?? {};
  for (const [id, hours] of Object.entries(calendars)) {
    errors.push(...checkBusinessHours(hours).map((e) => ({ ...e, path: `/business_hours/${id}${e.path}` })));
  }
  (scenario.sla_policies ?? []).forEach((policy, i) => {
    errors.push(...checkSlaPolicy(policy, (id) => id in calendars).map((e) => ({ ...e, path: `/sla_policies/${i}${e.path}` })));
  });
}
