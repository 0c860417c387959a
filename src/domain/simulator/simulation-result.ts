import type { Priority } from '../ticket/ticket.js';
import type { IntervalFigures } from './interval-statistics.js';
import type { ReplicationSummary } from './replications.js';

/** Waiting-time figures of one queue in one run. */
export interface QueueFigures {
  queue: string;
  offered: number;
  answered: number;
  abandoned: number;
  /** Abandoned over the offered tickets that had to wait. */
  abandonment_of_queued: number | null;
  asa_s: number | null;
  service_level: number | null;
  /** The service level at each threshold of the scenario's `service_levels_s`, over offered. */
  service_levels: { within_s: number; share: number | null }[];
  wait_p90_s: number | null;
  wait_p95_s: number | null;
}

/** What one policy did with the scenario's arrivals (docs/simulator.md defines each figure). */
export interface PolicyFigures {
  policy: string;
  offered: number;
  answered: number;
  abandoned: number;
  /** Still waiting when the run (and its drain) ended. */
  unanswered: number;
  asa_s: number | null;
  p_wait: number | null;
  service_level: number | null;
  abandonment: number | null;
  /** Abandoned over the offered tickets that had to wait (found no agent free). */
  abandonment_of_queued: number | null;
  /** The service level at each threshold of `service_levels_s`, over offered tickets. */
  service_levels: { within_s: number; share: number | null }[];
  utilisation: number | null;
  sla_breach_rate: number | null;
  reroute_rate: number | null;
  /** Offered calls that were callers calling back after hanging up (counted in offered too). */
  redialled: number;
  wait_s: { p50: number | null; p90: number | null; p95: number | null; p99: number | null; max: number | null };
  queues: QueueFigures[];
  /** The same figures per priority (as the ticket had when it was answered or gave up). */
  priorities: (Omit<QueueFigures, 'queue'> & { priority: Priority })[];
  fairness: { jain_index: number | null; min_utilisation: number | null; max_utilisation: number | null };
  events: number;
  /** Per interval of arrival, when the scenario asks (`report_interval_min`). */
  intervals?: IntervalFigures[];
}

/** The analytic model a single-skill scenario can be checked against. */
export interface AnalyticFigures {
  model: 'erlang_c' | 'erlang_a';
  agents: number;
  offered_erlangs: number;
  p_wait: number;
  asa_s: number;
  service_level: number | null;
  abandonment: number | null;
}

export interface SimulationResult {
  scenario: string | null;
  seed: number;
  duration_s: number;
  service_level_s: number;
  policies: PolicyFigures[];
  analytic: AnalyticFigures | null;
  /** With replications: each figure's mean and 95 % confidence interval over them (`policies` is the first replication). */
  replications?: ReplicationSummary;
}
