import { fail } from '../../errors.js';
import type { PolicyDocument } from '../../routing/policy.js';
import type { Priority } from '../../ticket/ticket.js';
import type { DistributionDocument } from '../distributions.js';
import type { PatienceDocument, ScenarioDocument, TicketKind } from '../scenario.js';
import { MAX_INTERVALS } from '../staffing-plan.js';
import type { CallRecord } from './call-record.js';
import { DurationSample, type DurationFit } from './duration-fit.js';
import { HistoryIntervals } from './history-intervals.js';
import { PatienceSample, type PatienceEstimate } from './kaplan-meier.js';

export const STAFFING_MEASURES = ['agents', 'busy'] as const;
/** How head count per interval is read from a log: distinct agents who served in it, or agent busy time ÷ its length (rounded up). */
export type StaffingMeasure = (typeof STAFFING_MEASURES)[number];

export interface CalibrationOptions {
  interval_min: number;
  staffing: StaffingMeasure;
  /** Draw handle times from the fitted family (default) or the empirical sample. */
  handle: 'fitted' | 'empirical';
  name?: string;
}

/** A type or priority gets its own distribution when it has at least this many observations (abandonments for patience). */
export const MIN_OWN_SAMPLE = 30;
const DAY_MS = 86_400_000;
const ONE_QUEUE: PolicyDocument = { queues: [{ id: 'calls', agents: 'true', strategy: 'longest_idle' }], rules: [], default: { queue: 'calls' } };

/** What calibration found: the scenario, and the estimates behind it for the report. */
export interface Calibration {
  scenario: ScenarioDocument;
  handle_time: Record<string, DurationFit>;
  after_call_work: DurationFit | null;
  patience: Record<string, PatienceEstimate>;
  history: HistoryIntervals;
}

/**
 * Calibrates a scenario from a call log read one call at a time: arrivals per weekday and
 * interval, handle times per type (fitted, with the empirical sample kept), patience by
 * Kaplan–Meier per type and priority where there are enough abandonments, after-call work when the
 * log has it, and the head count per interval of each date as a staffing curve.
 */
export class Calibrator {
  readonly history: HistoryIntervals;
  private readonly handle = new Map<string, DurationSample>([['', new DurationSample()]]);
  private readonly afterCall = new DurationSample();
  private readonly patience = new Map<string, PatienceSample>([['', new PatienceSample()]]);
  private readonly kinds = new Map<string, number>();

  constructor(private readonly options: CalibrationOptions) {
    this.history = new HistoryIntervals(options.interval_min * 60_000);
  }

  add(call: CallRecord): void {
    this.history.add(call);
    const kind = `${call.type}\u0000${call.priority}`;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    for (const key of ['', `type:${call.type}`, `priority:${call.priority}`]) sampleOf(this.patience, key, () => new PatienceSample()).add(call.waitS, call.outcome === 'abandoned');
    if (call.outcome !== 'answered') return;
    sampleOf(this.handle, '', () => new DurationSample()).add(call.serviceS!);
    sampleOf(this.handle, `type:${call.type}`, () => new DurationSample(this.handle.size + 1)).add(call.serviceS!);
    if (call.afterCallS !== null) this.afterCall.add(call.afterCallS);
  }

  /** The calibration, or null when the log held no call. */
  result(): Calibration | null {
    const span = this.history.span();
    const handleFits = fits(this.handle);
    if (!span || !handleFits['']) return null;
    const startDay = Math.floor(span.first / DAY_MS) * DAY_MS;
    const days = Math.floor(span.last / DAY_MS) - startDay / DAY_MS + 1;
    const intervals = (days * DAY_MS) / this.history.intervalMs;
    if (intervals > MAX_INTERVALS) {
      throw fail('invalid_call_log', 'The log spans more days than one calibration takes.', { errors: [{ path: '/', message: `The calls span ${days} days, ${intervals} intervals of ${this.options.interval_min} minutes; at most ${MAX_INTERVALS} are calibrated at once (a longer interval, or a shorter log).` }] });
    }
    const patience = new Map([...this.patience].map(([key, sample]) => [key, sample.estimate()] as const).filter((e): e is [string, PatienceEstimate] => e[1] !== null));
    const afterCall = this.afterCall.fit();
    const staffing = this.staffingCurve(startDay, days);
    const scenario: ScenarioDocument = {
      name: this.options.name ?? 'calibrated from a call log',
      seed: 1,
      start: new Date(startDay).toISOString(),
      time_zone: 'UTC',
      duration_s: days * 86_400,
      service_level_s: 20,
      service_levels_s: [10, 30, 60, 120],
      report_interval_min: this.options.interval_min,
      arrivals: { weekday_rates: this.weekdayRates(startDay, days) },
      tickets: [...this.kinds].map(([kind, count]): TicketKind => {
        const [type, priority] = kind.split('\u0000') as [string, Priority];
        return { share: count, type, priority };
      }),
      handle_time: { ...this.handleOf(handleFits['']!), by_type: byPrefix(handleFits, 'type:', (fit) => fit.count >= MIN_OWN_SAMPLE ? this.handleOf(fit) : null) },
      patience: patienceDocument(patience),
      after_call_work: afterCall ? this.handleOf(afterCall) : null,
      staffing,
      agents: [{ count: Math.max(1, ...staffing.agents), name: 'calibrated', capacity: { phone: 1 } }],
      policy: ONE_QUEUE,
    };
    return { scenario, handle_time: handleFits, after_call_work: afterCall, patience: Object.fromEntries(patience), history: this.history };
  }

  private handleOf(fit: DurationFit): DistributionDocument {
    return this.options.handle === 'empirical' ? fit.empirical : fit.chosen;
  }

  /** Calls per hour by weekday (Monday first) and interval of the day: the count over the log's days of that weekday. */
  private weekdayRates(startDay: number, days: number): { interval_min: number; per_hour: number[][] } {
    const perDay = 1440 / this.options.interval_min;
    const counts = Array.from({ length: 7 }, () => new Array<number>(perDay).fill(0));
    const weekdays = new Array<number>(7).fill(0);
    for (let d = 0; d < days; d++) weekdays[weekdayOf(startDay + d * DAY_MS)]!++;
    for (const interval of this.history.byStart.values()) {
      counts[weekdayOf(interval.start)]![Math.floor((interval.start % DAY_MS) / this.history.intervalMs)]! += interval.offered;
    }
    const perHour = 60 / this.options.interval_min;
    return { interval_min: this.options.interval_min, per_hour: counts.map((row, day) => row.map((n) => (weekdays[day]! > 0 ? (n / weekdays[day]!) * perHour : 0))) };
  }

  /** The head count of each interval of each date, from the first date's midnight. */
  private staffingCurve(startDay: number, days: number): NonNullable<ScenarioDocument['staffing']> {
    const intervalMs = this.history.intervalMs;
    const agents = Array.from({ length: (days * DAY_MS) / intervalMs }, (_, k) => {
      const interval = this.history.byStart.get(startDay + k * intervalMs);
      if (!interval) return 0;
      return this.options.staffing === 'agents' ? interval.agents.size : Math.ceil(interval.busyMs / intervalMs - 1e-9);
    });
    return { start: new Date(startDay).toISOString(), interval_min: this.options.interval_min, agents };
  }
}

function sampleOf<T>(samples: Map<string, T>, key: string, create: () => T): T {
  let sample = samples.get(key);
  if (!sample) {
    sample = create();
    samples.set(key, sample);
  }
  return sample;
}

function fits(samples: Map<string, DurationSample>): Record<string, DurationFit> {
  return Object.fromEntries([...samples].map(([key, sample]) => [key, sample.fit()] as const).filter((e): e is [string, DurationFit] => e[1] !== null));
}

function byPrefix<T, U>(entries: Record<string, T>, prefix: string, pick: (value: T) => U | null): Record<string, U> {
  const picked: Record<string, U> = {};
  for (const [key, value] of Object.entries(entries)) {
    const chosen = key.startsWith(prefix) ? pick(value) : null;
    if (chosen !== null) picked[key.slice(prefix.length)] = chosen;
  }
  return picked;
}

/** Patience overall, per type and per priority where there were enough abandonments; null when nobody abandoned. */
function patienceDocument(estimates: Map<string, PatienceEstimate>): PatienceDocument | null {
  const overall = estimates.get('');
  if (!overall) return null;
  const all = Object.fromEntries(estimates);
  const own = (estimate: PatienceEstimate) => (estimate.abandoned >= MIN_OWN_SAMPLE ? estimate.distribution : null);
  return { ...overall.distribution, by_type: byPrefix(all, 'type:', own), by_priority: byPrefix(all, 'priority:', own) };
}

/** Monday 0 … Sunday 6, in UTC. */
function weekdayOf(at: number): number {
  return (new Date(at).getUTCDay() + 6) % 7;
}
