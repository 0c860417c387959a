import { Type } from 'typebox';
import { Id, Nullable, Strict, Text } from '../common-schemas.js';

// Only shapes are checked here (400); what the values mean — a known zone, ranges in order, a
// target above zero, a condition that compiles — is the domain's check (422 with the path).
const TimeRange = Strict({ start: Text(5, 1), end: Text(5, 1) });
const Day = Type.Optional(Type.Array(TimeRange, { maxItems: 12 }));
const Holiday = Strict({ date: Text(10, 1), name: Type.Optional(Nullable(Text(100))) });

export const BusinessHoursBody = Strict({
  name: Text(100, 1),
  time_zone: Text(64, 1),
  weekly: Strict({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day }, { description: 'open ranges per weekday, HH:MM to HH:MM (24:00 ends the day)' }),
  holidays: Type.Optional(Type.Array(Holiday, { maxItems: 2000, description: 'closed local dates, YYYY-MM-DD, optionally named' })),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'on replace: apply only to this version' })),
});

const Target = Strict({
  minutes: Type.Number({ description: 'the target, more than 0' }),
  business_hours: Type.Optional(Nullable(Id)),
}, { description: 'minutes counted in the named business hours, or around the clock when none' });
const MetricTargets = Type.Optional(Strict({
  first_response: Type.Optional(Target),
  next_response: Type.Optional(Target),
  periodic_update: Type.Optional(Target),
  resolution: Type.Optional(Target),
}));

export const SlaPolicyBody = Strict({
  name: Text(100, 1),
  condition: Type.Optional(Type.String({ maxLength: 4000, description: 'CEL over `ticket`; default "true"' })),
  warn_at: Type.Optional(Type.Number({ description: 'share of each target at which sla.warning fires; default 0.75' })),
  targets: Strict({ urgent: MetricTargets, high: MetricTargets, normal: MetricTargets, low: MetricTargets }),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'on replace: apply only to this version' })),
});

export const SlaPoliciesFile = Strict({ policies: Type.Array(SlaPolicyBody, { maxItems: 500 }) });

export const SlaOrderBody = Strict({ ids: Type.Array(Id, { maxItems: 500, description: 'every policy id, in the order they are tried' }) });

const Stamp = { version: Type.Integer(), created_at: Type.String(), updated_at: Type.String() };

export const BusinessHoursOutput = Type.Object({
  id: Type.String(), name: Type.String(), time_zone: Type.String(),
  weekly: Type.Record(Type.String(), Type.Array(Type.Object({ start: Type.String(), end: Type.String() }))),
  holidays: Type.Array(Type.Object({ date: Type.String(), name: Nullable(Type.String()) })),
  ...Stamp,
});

const TargetOutput = Type.Object({ minutes: Type.Number(), business_hours: Nullable(Type.String()) });
export const SlaPolicyOutput = Type.Object({
  id: Type.String(), name: Type.String(), position: Type.Integer(), condition: Type.String(), warn_at: Type.Number(),
  targets: Type.Record(Type.String(), Type.Record(Type.String(), TargetOutput)),
  ...Stamp,
});
