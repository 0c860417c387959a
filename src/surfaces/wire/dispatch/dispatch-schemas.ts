import { Type } from 'typebox';
import { Id, Nullable, Strict } from '../common-schemas.js';

/** `POST /v1/dispatch/batch`: which waiting work orders, the weights, and whether to carry the plan out. */
export const DispatchBody = Strict({
  ticket_ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 2000 })),
  queue: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' })),
  team: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  travel_weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6 })),
  skill_gap_weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6 })),
  max_distance_km: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 40_000 })),
  apply: Type.Optional(Type.Boolean({
    default: false, description: 'false: only plan; true: carry the plan out',
  })),
});

/** A dispatch plan next to the greedy one, and what applying it did (null when only planned). */
export const DispatchOutput = Type.Object({
  method: Type.String(),
  total_cost: Type.Number(),
  assigned: Type.Integer(),
  assignments: Type.Array(Type.Object({
    ticket_id: Type.String(),
    agent_id: Type.String(),
    distance_km: Type.Number(),
    skill_gap: Type.Number(),
    cost: Type.Number(),
  })),
  unassigned: Type.Array(Type.Object({ ticket_id: Type.String(), reason: Type.String() })),
  greedy: Type.Object({ total_cost: Type.Number(), assigned: Type.Integer() }),
  applied: Nullable(Type.Array(Type.Object({
    ticket_id: Type.String(),
    agent_id: Type.String(),
    status: Type.String({ description: 'assigned or skipped' }),
    reason: Type.Optional(Type.String()),
  }))),
});
