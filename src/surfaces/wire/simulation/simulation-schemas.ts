import { Type } from 'typebox';
import { MAX_REPLICATIONS } from '../../../domain/simulator/replications.js';
import { MAX_REPLAYED_TICKETS } from '../../../domain/simulator/scenario.js';
import { MAX_INTERVALS } from '../../../domain/simulator/staffing-plan.js';
import { Capacity, Skills, WorkingHours } from '../agents/agent-schemas.js';
import { FreeObject, GeoPointSchema, Nullable, Strict, Text } from '../common-schemas.js';
import { BusinessHoursBody, SlaPolicyBody } from '../sla/sla-schemas.js';
import { Channel, CustomerInput, Priority, TicketType } from '../tickets/ticket-schemas.js';

// Shapes only (400 with the path); what values mean — a rate above 0, a known distribution, a
// policy that compiles — is the domain's check (422 `invalid_scenario`, every mistake with its path).
const Seconds = Type.Number({ description: 'seconds' });
const Profile = (size: number) => Type.Array(Type.Number(), { maxItems: size, description: `${size} multipliers` });

/** A duration distribution (docs/simulator.md). */
export const Distribution = Strict({
  dist: Type.String({ maxLength: 20, description: 'exponential, lognormal, gamma, constant or empirical' }),
  mean_s: Type.Optional(Seconds),
  sd_s: Type.Optional(Seconds),
  value_s: Type.Optional(Seconds),
  samples_s: Type.Optional(Type.Array(Type.Number(), { maxItems: 100_000 })),
});

const kindFields = {
  type: Type.Optional(TicketType),
  channel: Type.Optional(Channel),
  priority: Type.Optional(Priority),
  tags: Type.Optional(Type.Array(Text(64, 1), { maxItems: 50 })),
  fields: Type.Optional(FreeObject),
  customer: Type.Optional(CustomerInput),
  language: Type.Optional(Text(35, 2)),
  queue: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' })),
  location: Type.Optional(GeoPointSchema),
};

const TicketKind = Strict({ share: Type.Optional(Type.Number()), ...kindFields });
const Replayed = Strict({ at_s: Seconds, handle_s: Type.Optional(Seconds), ...kindFields });

const AgentGroup = Strict({
  count: Type.Integer(),
  name: Type.Optional(Text(100, 1)),
  skills: Type.Optional(Skills),
  languages: Type.Optional(Type.Array(Text(35, 2), { maxItems: 50 })),
  teams: Type.Optional(Type.Array(Text(64, 1), { maxItems: 50 })),
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  capacity: Type.Optional(Capacity),
  working_hours: Type.Optional(WorkingHours),
  location: Type.Optional(GeoPointSchema),
  attributes: Type.Optional(FreeObject),
  speed: Type.Optional(Type.Number({ description: 'handle-time divisor: 2 works twice as fast' })),
});

const PolicyChoice = Type.Union([Type.Ref('Policy'), Type.Literal('current')], { description: 'a routing policy, or "current" for the one in force' });

/** A simulation scenario (docs/simulator.md). */
export const ScenarioBody = Strict({
  name: Type.Optional(Text(200)),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
  start: Type.Optional(Text(40, 1)),
  time_zone: Type.Optional(Text(64, 1)),
  duration_s: Type.Optional(Type.Number({ description: 'seconds; with a history window, its length by default' })),
  history: Type.Optional(Strict({ from: Text(40, 1), to: Text(40, 1) }, { description: 'the window of the workspace\'s history that "history" replays or samples' })),
  warmup_s: Type.Optional(Seconds),
  channel: Type.Optional(Channel),
  service_level_s: Type.Optional(Seconds),
  service_levels_s: Type.Optional(Type.Array(Seconds, { maxItems: 10, description: 'further thresholds to report the service level at' })),
  report_interval_min: Type.Optional(Type.Integer({ description: 'also report the figures per interval of 15, 30 or 60 minutes' })),
  arrivals: Strict({
    rate_per_hour: Type.Optional(Type.Number()),
    hourly_profile: Type.Optional(Profile(24)),
    weekly_profile: Type.Optional(Profile(7)),
    weekday_rates: Type.Optional(Strict({
      interval_min: Type.Integer({ description: '15, 30 or 60' }),
      per_hour: Type.Array(Type.Array(Type.Number(), { maxItems: 96 }), { maxItems: 7, description: 'calls per hour, 7 rows (Monday first) of one rate per interval of the day' }),
    }, { description: 'instead of rate_per_hour: Poisson arrivals at a rate per weekday and interval' })),
    replay: Type.Optional(Type.Union([Type.Array(Replayed, { maxItems: MAX_REPLAYED_TICKETS }), Type.Literal('history')], { description: 'tickets to replay, or "history": the tickets created in the `history` window' })),
  }),
  tickets: Type.Optional(Type.Array(TicketKind, { maxItems: 100 })),
  handle_time: Strict({ ...Distribution.properties, by_type: Type.Optional(Type.Record(TicketType, Distribution, { maxProperties: 100 })) }),
  patience: Type.Optional(Type.Union([Strict({
    ...Distribution.properties,
    by_type: Type.Optional(Type.Record(TicketType, Distribution, { maxProperties: 100 })),
    by_priority: Type.Optional(Type.Partial(Type.Record(Priority, Distribution))),
  }), Type.Null()], { description: 'how long a waiting caller stays: per type, else per priority, else the default' })),
  redial: Type.Optional(Strict({
    share: Type.Number({ description: 'share of those who hang up who call back, 0 to 1' }),
    delay: Distribution,
  }, { description: 'callers who hang up and call back after a delay, as a new call of the same kind' })),
  staffing: Type.Optional(Strict({
    start: Type.Optional(Text(40, 1)),
    interval_min: Type.Integer({ description: '15, 30 or 60' }),
    agents: Type.Array(Type.Integer(), { maxItems: MAX_INTERVALS, description: 'agents rostered per interval, the roster\'s agents in order' }),
    shrinkage: Type.Optional(Type.Number({ description: 'share of rostered time not taking work' })),
  }, { description: 'head count per interval by date, instead of working hours' })),
  after_call_work: Type.Optional(Type.Union([
    Strict({ ...Distribution.properties, by_type: Type.Optional(Type.Record(TicketType, Distribution, { maxProperties: 100 })) }), Type.Null(),
  ], { description: 'wrap-up after each call, during which the agent takes no new work' })),
  agents: Type.Array(AgentGroup, { maxItems: 1000 }),
  policy: Type.Optional(PolicyChoice),
  policies: Type.Optional(Type.Array(Strict({ name: Text(60, 1), policy: PolicyChoice }), { maxItems: 4 })),
  sla_policies: Type.Optional(Type.Array(SlaPolicyBody, { maxItems: 50 })),
  business_hours: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), BusinessHoursBody, { maxProperties: 20 })),
});

const Figure = Nullable(Type.Number());

/** Waiting-time figures of the tickets of one queue, or of one priority, in one run. */
const counterFigures = {
  offered: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  abandonment_of_queued: Type.Union([Type.Number(), Type.Null()], { description: 'abandoned over the tickets that had to wait' }),
  asa_s: Figure,
  service_level: Figure,
  service_levels: Type.Array(Type.Object({ within_s: Type.Number(), share: Figure }), { description: 'at each of the scenario\'s service_levels_s' }),
  wait_p90_s: Figure,
  wait_p95_s: Figure,
};
const QueueFiguresOutput = Type.Object({ queue: Type.String(), ...counterFigures });
const PriorityFiguresOutput = Type.Object({ priority: Type.String(), ...counterFigures });

/** The figures of the tickets that arrived in one interval. */
const IntervalFiguresOutput = Type.Object({
  start: Type.String(),
  offered: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  queued: Type.Integer({ description: 'found no agent free and had to wait' }),
  asa_s: Figure,
  wait_avg_s: Type.Union([Type.Number(), Type.Null()], { description: 'mean wait of the answered and the abandoned (until answered or hung up)' }),
  wait_p90_s: Type.Union([Type.Number(), Type.Null()], { description: 'answered waits, to within 5 %' }),
  wait_p95_s: Figure,
  abandonment_of_queued: Figure,
  service_level: Figure,
  service_levels: Type.Array(Type.Object({ within_s: Type.Number(), share: Figure })),
  occupancy: Type.Union([Type.Number(), Type.Null()], { description: 'busy agent time within the interval over staffed agent time within it' }),
});

/** What one policy did with the scenario's arrivals (docs/simulator.md defines each figure). */
export const PolicyFiguresOutput = Type.Object({
  policy: Type.String(),
  offered: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  unanswered: Type.Integer({ description: 'still waiting when the run (and its drain) ended' }),
  asa_s: Figure,
  p_wait: Figure,
  service_level: Figure,
  abandonment: Figure,
  abandonment_of_queued: Type.Union([Type.Number(), Type.Null()], { description: 'abandoned over the tickets that had to wait' }),
  service_levels: Type.Array(Type.Object({ within_s: Type.Number(), share: Figure })),
  utilisation: Figure,
  sla_breach_rate: Figure,
  reroute_rate: Figure,
  redialled: Type.Integer({ description: 'offered calls that were callers calling back after hanging up' }),
  wait_s: Type.Object({ p50: Figure, p90: Figure, p95: Figure, p99: Figure, max: Figure }),
  queues: Type.Array(QueueFiguresOutput),
  priorities: Type.Array(PriorityFiguresOutput, { description: 'the same figures per priority' }),
  fairness: Type.Object({ jain_index: Figure, min_utilisation: Figure, max_utilisation: Figure }),
  events: Type.Integer(),
  intervals: Type.Optional(Type.Array(IntervalFiguresOutput, { description: 'per interval of arrival, when report_interval_min is given' })),
});

/** The analytic model (Erlang C or A) a single-skill scenario is checked against. */
export const AnalyticFiguresOutput = Type.Object({
  model: Type.Union([Type.Literal('erlang_c'), Type.Literal('erlang_a')]),
  agents: Type.Integer(),
  offered_erlangs: Type.Number(),
  p_wait: Type.Number(),
  asa_s: Type.Number(),
  service_level: Figure,
  abandonment: Figure,
});

const Estimates = Type.Record(Type.String(), Type.Object({ mean: Type.Number(), half_width: Figure, n: Type.Integer() }), {
  description: 'each figure\'s mean and 95 % confidence half-width (Student t)',
});

/** A simulation's figures: one entry per policy, side by side, and the analytic check when there is one. */
export const SimulationOutput = Type.Object({
  scenario: Nullable(Type.String()),
  seed: Type.Integer(),
  duration_s: Type.Number(),
  service_level_s: Type.Number(),
  policies: Type.Array(PolicyFiguresOutput),
  analytic: Nullable(AnalyticFiguresOutput),
  replications: Type.Optional(Type.Object({
    replications: Type.Integer(),
    seeds: Type.Array(Type.Integer()),
    policies: Type.Array(Type.Object({
      policy: Type.String(),
      figures: Estimates,
      queues: Type.Array(Type.Object({ queue: Type.String(), figures: Estimates })),
      priorities: Type.Array(Type.Object({ priority: Type.String(), figures: Estimates })),
      intervals: Type.Optional(Type.Array(Type.Object({ start: Type.String(), figures: Estimates }))),
    })),
  }, { description: 'with ?replications=N: the figures over N seeds; `policies` above is the first' })),
});

/** How many independent replications a simulation runs (`POST /v1/simulations?replications=N`). */
export const SimulationQuery = Strict({
  replications: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_REPLICATIONS, description: `runs on seeds seed, seed + 1, … on worker threads (1 to ${MAX_REPLICATIONS}, default 1)` })),
});
