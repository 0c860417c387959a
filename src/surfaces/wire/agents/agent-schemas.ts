import { Type } from 'typebox';
import { PRESENCES } from '../../../domain/agent/agent.js';
import { WEEKDAYS, type WorkingHours as WorkingHoursDocument } from '../../../domain/agent/working-hours.js';
import { CAPACITY_CLASSES } from '../../../domain/routing/capacity.js';
import {
  CreateBody, Echo, FreeObject, literals, GeoPointSchema, Nullable, PatchBody, Strict, Text,
} from '../common-schemas.js';

const Presence = literals(PRESENCES);
const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });

export const Skills = Type.Record(Name, Type.Integer({ minimum: 1, maximum: 10 }), {
  maxProperties: 200,
  description: 'skill name → level 1 (novice) … 10 (expert)',
});
export const Capacity = Type.Object(
  Object.fromEntries(CAPACITY_CLASSES.map((c) => [c, Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 }))])),
  { additionalProperties: false, description: 'how many tickets the agent holds at once: chat, phone, and email (which every asynchronous channel shares: email, form, api, internal)' },
);
const TimeRange = Strict({ start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) });
export const WorkingHours = Strict({
  timezone: Text(64, 1),
  days: Type.Object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, Type.Optional(Type.Array(TimeRange, { maxItems: 8 }))])),
    { additionalProperties: false },
  ),
});

/** Every field a client writes on an agent; a create and a patch are views of this one set. */
export const AgentFields = Type.Object({
  name: Text(200, 1),
  email: Nullable(Type.String({ format: 'email', maxLength: 320 })),
  skills: Skills,
  languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), { maxItems: 50 }),
  teams: Type.Array(Name, { maxItems: 50 }),
  level: Type.Integer({ minimum: 1, maximum: 10, description: 'tier: 1 = L1, 2 = L2, 3 = L3 …' }),
  capacity: Capacity,
  status: Presence,
  working_hours: Nullable(WorkingHours),
  location: Nullable(GeoPointSchema),
  attributes: FreeObject,
});

/** `POST /v1/agents`: a name, and any other field. */
export const AgentCreateBody = CreateBody(AgentFields, ['name']);
/** `PATCH /v1/agents/:id`: any field. */
export const AgentPatchBody = PatchBody(AgentFields);

export const AgentListQuery = Strict({
  status: Type.Optional(Type.String({ maxLength: 100 })),
  team: Type.Optional(Name),
  skill: Type.Optional(Name),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
});

export const AgentOutput = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    email: Nullable(Type.String()),
    skills: Type.Record(Type.String(), Type.Integer()),
    languages: Type.Array(Type.String()),
    teams: Type.Array(Type.String()),
    level: Type.Integer(),
    capacity: Type.Record(Type.String(), Type.Integer()),
    status: Type.String(),
    status_changed_at: Type.String(),
    working_hours: Nullable(Echo<WorkingHoursDocument>('as written: a time zone, open ranges per weekday')),
    location: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number(), address: Type.Optional(Nullable(Type.String())) })),
    attributes: Type.Record(Type.String(), Type.Unknown()),
    version: Type.Integer(),
    created_at: Type.String(),
    updated_at: Type.String(),
    removed_at: Nullable(Type.String()),
  },
  { $id: 'Agent' },
);
