import { Type, type Static } from 'typebox';
import { WEEKDAYS } from '../../../domain/simulator/scenario-staffing.js';
import { MAX_INTERVALS } from '../../../domain/simulator/staffing-plan.js';
import { Nullable, Strict, Text } from '../common-schemas.js';
import { Distribution, ScenarioBody } from '../simulation/simulation-schemas.js';

// Shapes only (400 with the path); what values mean — a known interval length, one target, a
// share below 1 — is the domain's check (422 `invalid_staffing_request`, every mistake with its path).

/** A request for the head count per interval (docs/simulator.md, "Staffing plan"). */
export const StaffingPlanBody = Strict({
  interval_min: Type.Optional(Type.Integer({ description: '15, 30 or 60 (default 30; with a scenario, its profile\'s interval)' })),
  intervals: Type.Optional(Type.Array(Strict({ label: Text(60), calls: Type.Number({ description: 'calls offered in the interval' }) }), { maxItems: MAX_INTERVALS })),
  handle_time: Type.Optional(Distribution),
  // Instead of intervals and handle_time: a (calibrated) scenario, whose arrival profile, handle time,
  // after-call work, patience and shrinkage are planned (docs/simulator.md, "Staffing from a scenario").
  scenario: Type.Optional(ScenarioBody),
  weekday: Type.Optional(Type.Union(WEEKDAYS.map((day) => Type.Literal(day)), { description: 'with a scenario: plan this weekday only (default the whole week)' })),
  patience: Type.Optional(Type.Union([Distribution, Type.Null()], { description: 'without it nobody hangs up (Erlang C); with it, Erlang A' })),
  target: Strict({
    service_level: Type.Optional(Type.Number({ description: 'share answered within within_s, e.g. 0.8' })),
    within_s: Type.Optional(Type.Number()),
    asa_s: Type.Optional(Type.Number({ description: 'average speed of answer, seconds' })),
    abandonment: Type.Optional(Type.Number({ description: 'share of callers who hang up' })),
  }),
  shrinkage: Type.Optional(Type.Number({ description: 'share of paid time not taking calls, 0 ≤ s < 1' })),
  check: Type.Optional(Strict({
    simulate: Type.Optional(Type.Boolean({ description: 'check each interval by simulation (default true)' })),
    calls: Type.Optional(Type.Integer({ minimum: 1000, maximum: 500_000, description: 'simulated calls per interval and head count (default 20,000)' })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
  })),
});

const Figures = Nullable(Type.Object({
  p_wait: Type.Number(),
  asa_s: Type.Number(),
  service_level: Nullable(Type.Number()),
  abandonment: Nullable(Type.Number()),
  occupancy: Type.Number(),
}));

const Staffed = Nullable(Type.Object({ agents: Type.Integer(), figures: Figures }));

/** A staffing plan: per interval, Erlang's head count, the simulated one, and the roster after shrinkage. */
export const StaffingPlanOutput = Type.Object({
  model: Type.Union([Type.Literal('erlang_c'), Type.Literal('erlang_a')]),
  interval_min: Type.Integer(),
  checked: Type.Boolean(),
  intervals: Type.Array(Type.Object({
    label: Type.String(),
    calls: Type.Number(),
    offered_erlangs: Type.Number(),
    erlang: Staffed,
    simulated: Staffed,
    agents: Nullable(Type.Integer({ description: 'agents taking calls; null when no head count reaches the target' })),
    scheduled: Nullable(Type.Integer({ description: 'agents to roster, after shrinkage' })),
  })),
  agent_hours: Nullable(Type.Number()),
  scheduled_hours: Nullable(Type.Number()),
});

export type StaffingPlanInput = Static<typeof StaffingPlanBody>;
