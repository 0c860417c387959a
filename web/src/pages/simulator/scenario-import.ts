// The calibrated scenario's shape is the server's (types only: nothing of the server is bundled).
import type { ScenarioDocument } from '../../../../src/domain/simulator/scenario';
import type { DistributionDocument } from '../../../../src/domain/simulator/distributions';
import { NEW_GROUP, type AgentGroupForm, type ScenarioForm } from './scenario';
import type { PlannerForm } from './staffing-planner';

export type { ScenarioDocument };

const mean = (values: readonly number[]) => (values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0);
const round = (value: number, digits = 0) => String(Number(value.toFixed(digits)));

/** The mean of a distribution as the form's exponential, lognormal or constant takes it. */
function meanOf(distribution: DistributionDocument): number {
  if (distribution.dist === 'constant') return distribution.value_s ?? 0;
  if (distribution.dist === 'empirical') return mean(distribution.samples_s ?? []);
  return distribution.mean_s ?? 0;
}

function handleOf(distribution: DistributionDocument): Pick<ScenarioForm, 'handleDist' | 'handleMean' | 'handleSd'> {
  const handleMean = round(meanOf(distribution));
  if (distribution.dist === 'exponential' || distribution.dist === 'constant') return { handleDist: distribution.dist, handleMean, handleSd: '' };
  // A fitted gamma or lognormal keeps its mean and spread; an empirical sample keeps its mean.
  if (distribution.sd_s !== undefined) return { handleDist: 'lognormal', handleMean, handleSd: round(distribution.sd_s) };
  return { handleDist: 'exponential', handleMean, handleSd: '' };
}

/**
 * Calls per hour of each interval of a typical open day: the weekday rates averaged over the
 * weekdays that had arrivals (or the flat rate shaped by the hourly profile), with the interval length.
 */
export function typicalDay(scenario: ScenarioDocument): { interval_min: number; per_hour: number[] } {
  const { arrivals } = scenario;
  if (arrivals.weekday_rates) {
    const open = arrivals.weekday_rates.per_hour.filter((row) => row.some((rate) => rate > 0));
    const perHour = (open[0] ?? []).map((_, k) => mean(open.map((row) => row[k] ?? 0)));
    return { interval_min: arrivals.weekday_rates.interval_min, per_hour: perHour };
  }
  const rate = arrivals.rate_per_hour ?? 0;
  return { interval_min: 60, per_hour: Array.from({ length: 24 }, (_, h) => rate * (arrivals.hourly_profile?.[h] ?? 1)) };
}

function groupOf(group: ScenarioDocument['agents'][number]): AgentGroupForm {
  const capacity = group.capacity ?? {};
  return {
    ...NEW_GROUP,
    name: group.name ?? '',
    count: String(group.count),
    skills: Object.entries(group.skills ?? {}).map(([skill, level]) => `${skill}:${level}`).join(', '),
    level: String(group.level ?? 1),
    phone: capacity.phone === undefined ? '' : String(capacity.phone),
    chat: capacity.chat === undefined ? '' : String(capacity.chat),
    email: capacity.email === undefined ? '' : String(capacity.email),
  };
}

/**
 * A scenario (calibrated, or the workspace's starting one) in the form: the typical day's rates as
 * a rate and an hourly profile, the handle time and patience means, the roster (a calibrated group
 * counts the busiest interval's head count; the curve itself stays behind). The policies chosen stay as they were.
 */
export function formOfScenario(scenario: ScenarioDocument, base: ScenarioForm): ScenarioForm {
  const day = typicalDay(scenario);
  const perHourOfDay = Array.from({ length: 24 }, (_, h) => mean(day.per_hour.filter((_, k) => Math.floor((k * day.interval_min) / 60) === h)));
  const rate = mean(perHourOfDay);
  return {
    ...base,
    arrivals: 'poisson',
    rate: round(rate, 2),
    hourly: rate > 0 ? perHourOfDay.map((r) => round(r / rate, 2)).join(', ') : '',
    durationHours: round((scenario.duration_s ?? 86_400) / 3600),
    channel: scenario.channel ?? base.channel,
    ...handleOf(scenario.handle_time),
    patience: scenario.patience ? round(meanOf(scenario.patience)) : '',
    serviceLevel: String(scenario.service_level_s ?? base.serviceLevel),
    agents: scenario.agents.map(groupOf),
  };
}

/** What the staffing planner asks for a scenario's typical day: calls per interval from the first busy one to the last. */
export function plannerOfScenario(scenario: ScenarioDocument): Partial<PlannerForm> {
  const day = typicalDay(scenario);
  const calls = day.per_hour.map((rate) => (rate * day.interval_min) / 60);
  const first = Math.max(0, calls.findIndex((n) => n > 0));
  const last = calls.length - 1 - [...calls].reverse().findIndex((n) => n > 0);
  const minutes = first * day.interval_min;
  return {
    calls: calls.slice(first, Math.max(first, last) + 1).map((n) => round(n, 1)).join(', '),
    start: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    interval: String(day.interval_min),
    handle: round(meanOf(scenario.handle_time)),
    patience: scenario.patience ? round(meanOf(scenario.patience)) : '',
  };
}
