import { Type } from 'typebox';
import { PRIORITIES } from '../../../domain/ticket/ticket.js';
import { ASSIGNMENT_MODES, STRATEGIES, WAITING_ORDERS } from '../../../domain/routing/policy.js';
import { ApprovalSpec } from '../approvals/approval-schemas.js';
import { FreeObject, literals, Strict, Text } from '../common-schemas.js';
import { TicketCreateBody } from '../tickets/ticket-schemas.js';

const QueueId = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' });
const Expression = Text(4000, 1);
const Duration = Type.String({ maxLength: 20, description: 'e.g. "90s", "2m", "1h", "1d"' });

const Queue = Strict({
  id: QueueId,
  agents: Type.String({ minLength: 1, maxLength: 4000, description: 'CEL over `agent`: who belongs' }),
  strategy: Type.Optional(literals(STRATEGIES)),
  mode: Type.Optional(literals(ASSIGNMENT_MODES)),
  offer_timeout: Type.Optional(Duration),
  ordering: Type.Optional(literals(WAITING_ORDERS)),
  skill: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  weights: Type.Optional(Strict({
    skill: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    load: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    performance: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    distance: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  })),
  max_distance_km: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 40_000 })),
});

const Target = Strict({
  queue: QueueId,
  agents: Type.Optional(Type.String({ minLength: 1, maxLength: 4000, description: 'CEL over `ticket` and `agent`' })),
  timeout: Type.Optional(Duration),
});

const Rule = Strict({
  name: Text(100, 1),
  when: Expression,
  set: Type.Optional(Strict({
    priority: Type.Optional(literals(PRIORITIES)),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
    fields: Type.Optional(FreeObject),
  })),
  targets: Type.Array(Target, { minItems: 1, maxItems: 10 }),
  approval: Type.Optional(ApprovalSpec),
});

export const PolicyBody = Strict({
  queues: Type.Array(Queue, { minItems: 1, maxItems: 200 }),
  rules: Type.Array(Rule, { maxItems: 500 }),
  default: Target,
  ticket_sizes: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 1, maximum: 100 }))),
  aging_minutes: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000 })),
}, { $id: 'Policy', description: 'A routing policy (DESIGN §3): queues, ordered rules (first match wins), a default target.' });

export const DryRunBody = Strict({
  ticket: TicketCreateBody,
  policy: Type.Optional(Type.Ref('Policy')),
});

export const RollbackBody = Strict({ version: Type.Integer({ minimum: 1 }) });
