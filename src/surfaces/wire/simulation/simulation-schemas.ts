import { Type } from 'typebox';
import { MAX_REPLAYED_TICKETS } from '../../../domain/simulator/scenario.js';
import { Capacity, Skills, WorkingHours } from '../agents/agent-schemas.js';
import { FreeObject, GeoPointSchema, Strict, Text } from '../common-schemas.js';
import { BusinessHoursBody, SlaPolicyBody } from '../sla/sla-schemas.js';
import { Channel, CustomerInput, Priority, TicketType } from '../tickets/ticket-schemas.js';

// Shapes only (400 with the path); what values mean — a rate above 0, a known distribution, a
// policy that compiles — is the domain's check (422 `invalid_scenario`, every mistake with its path).
const Seconds = Type.Number({ description: 'seconds' });
const Profile = (size: number) => Type.Array(Type.Number(), { maxItems: size, description: `${size} multipliers` });

const Distribution = Strict({
  dist: Type.String({ maxLength: 20, description: 'exponential, lognormal, constant or empirical' }),
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
  arrivals: Strict({
    rate_per_hour: Type.Optional(Type.Number()),
    hourly_profile: Type.Optional(Profile(24)),
    weekly_profile: Type.Optional(Profile(7)),
    replay: Type.Optional(Type.Union([Type.Array(Replayed, { maxItems: MAX_REPLAYED_TICKETS }), Type.Literal('history')], { description: 'tickets to replay, or "history": the tickets created in the `history` window' })),
  }),
  tickets: Type.Optional(Type.Array(TicketKind, { maxItems: 100 })),
  handle_time: Strict({ ...Distribution.properties, by_type: Type.Optional(Type.Record(TicketType, Distribution, { maxProperties: 100 })) }),
  patience: Type.Optional(Type.Union([Distribution, Type.Null()])),
  agents: Type.Array(AgentGroup, { maxItems: 1000 }),
  policy: Type.Optional(PolicyChoice),
  policies: Type.Optional(Type.Array(Strict({ name: Text(60, 1), policy: PolicyChoice }), { maxItems: 4 })),
  sla_policies: Type.Optional(Type.Array(SlaPolicyBody, { maxItems: 50 })),
  business_hours: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), BusinessHoursBody, { maxProperties: 20 })),
});
