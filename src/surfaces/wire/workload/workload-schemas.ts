import { Type } from 'typebox';
import { Nullable } from '../common-schemas.js';

/** The state of the floor right now: each queue's open work, each agent's load. */
export const WorkloadOutput = Type.Object({
  queues: Type.Array(Type.Object({
    queue: Nullable(Type.String()),
    open: Type.Integer(),
    unassigned: Type.Integer(),
    escalated: Type.Integer(),
    oldest_unassigned_at: Nullable(Type.String()),
  })),
  agents: Type.Array(Type.Object({
    agent_id: Type.String(),
    name: Type.String(),
    status: Type.String(),
    level: Type.Integer(),
    teams: Type.Array(Type.String()),
    capacity: Type.Record(Type.String(), Type.Number()),
    load: Type.Record(Type.String(), Type.Number()),
    utilisation: Nullable(Type.Number()),
  })),
});
