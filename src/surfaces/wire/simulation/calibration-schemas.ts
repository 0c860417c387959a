import { Type } from 'typebox';
import { MAX_CALIBRATION_DAYS } from '../../../domain/simulator/calibration/ticket-calls.js';
import type { ScenarioDocument } from '../../../domain/simulator/scenario.js';
import { Nullable, Strict } from '../common-schemas.js';
import { Priority } from '../tickets/ticket-schemas.js';

const Column = Type.String({ minLength: 1, maxLength: 100, description: 'a column name of the log\'s header' });
const Values = Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 });

/** Which columns of a call log hold what (docs/simulator.md, "Calibration"). */
export const CallLogMappingBody = Strict({
  arrival: Column,
  date: Type.Optional(Column),
  date_format: Type.Optional(Type.String({ maxLength: 20, description: 'iso, yymmdd, yyyymmdd, dd/mm/yyyy or mm/dd/yyyy' })),
  queue_start: Type.Optional(Column),
  queue_end: Type.Optional(Column),
  answer: Type.Optional(Column),
  end: Type.Optional(Column),
  after_call_end: Type.Optional(Column),
  outcome: Column,
  answered_values: Values,
  abandoned_values: Values,
  agent: Type.Optional(Column),
  priority: Type.Optional(Column),
  priority_values: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Priority, { maxProperties: 50 })),
  type: Type.Optional(Column),
  absent_time: Type.Optional(Type.String({ maxLength: 20 })),
});

/** How a call log sent to `POST /v1/simulations/calibrations` is read. */
export const CalibrationQuery = Strict({
  preset: Type.Optional(Type.String({ maxLength: 40, description: 'a known export\'s mapping: switchboard (default) or bank-vru' })),
  mapping: Type.Optional(Type.String({ maxLength: 4000, description: 'instead of a preset: the column mapping as JSON' })),
  interval_min: Type.Optional(Type.Integer({ description: '15, 30 or 60 (default 30)' })),
  staffing: Type.Optional(Type.Union([Type.Literal('agents'), Type.Literal('busy')], { description: 'head count per interval: distinct agents who answered, or busy time ÷ interval length' })),
  handle: Type.Optional(Type.Union([Type.Literal('fitted'), Type.Literal('empirical')], { description: 'draw handle times from the fitted family (default) or the empirical sample' })),
});

const Figure = Nullable(Type.Number());
const Compared = Type.Object({ history: Figure, simulated: Figure, relative_error: Figure });
const ComparedFigures = { offered: Compared, answered: Compared, abandoned: Compared, asa_s: Compared, abandonment_of_queued: Compared };
const DistributionOut = Type.Object({ dist: Type.String(), mean_s: Type.Optional(Type.Number()), sd_s: Type.Optional(Type.Number()), value_s: Type.Optional(Type.Number()), samples_s: Type.Optional(Type.Array(Type.Number())) });
const Fit = Type.Object({
  count: Type.Integer(),
  mean_s: Type.Number(),
  sd_s: Type.Number(),
  chosen: DistributionOut,
  candidates: Type.Array(Type.Object({ distribution: DistributionOut, log_likelihood: Type.Number(), aic: Type.Number() })),
  empirical: DistributionOut,
});
const Patience = Type.Object({
  queued: Type.Integer(),
  abandoned: Type.Integer(),
  exponential_mean_s: Type.Number(),
  last_t_s: Type.Number(),
  last_survival: Type.Number(),
  median_s: Figure,
  steps: Type.Array(Type.Object({ t_s: Type.Number(), at_risk: Type.Integer(), abandoned: Type.Integer(), survival: Type.Number() })),
  distribution: DistributionOut,
});

const CalibrationParts = {
  calibration: Type.Object({
    scenario: Type.Unsafe<ScenarioDocument>({ type: 'object', additionalProperties: true, description: 'the calibrated scenario, in the shape of POST /v1/simulations' }),
    handle_time: Type.Record(Type.String(), Fit, { description: 'fits of all calls ("") and per "type:…"' }),
    after_call_work: Nullable(Fit),
    patience: Type.Record(Type.String(), Patience, { description: 'Kaplan–Meier estimates of all calls ("") and per "type:…" and "priority:…"' }),
  }),
  fit: Type.Object({
    totals: Type.Object(ComparedFigures),
    intervals: Type.Array(Type.Object({ start: Type.String(), ...ComparedFigures })),
    weighted_mean_absolute_error: Type.Object({ asa_s: Figure, abandonment_of_queued: Figure }),
  }),
};

/** The calibration of a call log: what was read, the scenario, the estimates behind it and the calibrated run against the log. */
export const CalibrationOutput = Type.Object({
  reading: Type.Object({
    rows: Type.Integer(),
    calls: Type.Integer(),
    skipped: Type.Object({ other_outcome: Type.Integer(), not_queued: Type.Integer() }),
    errors: Type.Array(Type.Object({ row: Type.Integer(), message: Type.String() })),
    error_count: Type.Integer(),
  }),
  ...CalibrationParts,
});

/** Which of the workspace's history a calibration reads (docs/simulator.md, "Calibration from the workspace"). */
export const WorkspaceCalibrationQuery = Strict({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_CALIBRATION_DAYS, description: `days of tickets before now, 1 to ${MAX_CALIBRATION_DAYS} (default 28)` })),
  interval_min: Type.Optional(Type.Integer({ description: '15, 30 or 60 (default 30)' })),
});

const TicketReadingOut = Type.Object({
  tickets: Type.Integer({ description: 'tickets created in the window' }),
  calls: Type.Integer({ description: 'read as answered (first response, then resolved) or abandoned (closed unassigned without a response) calls' }),
  skipped: Type.Object({ open: Type.Integer(), unanswered_resolved: Type.Integer() }),
  from: Type.String(),
  to: Type.String(),
});

/** The calibration of the workspace's own tickets and its run against them. */
export const WorkspaceCalibrationOutput = Type.Object({ reading: TicketReadingOut, ...CalibrationParts });

/** A scenario to start the simulator from: calibrated from the workspace's recent tickets, with its agents as the roster. */
export const StartingScenarioOutput = Type.Object({
  reading: TicketReadingOut,
  scenario: CalibrationParts.calibration.properties.scenario,
});
