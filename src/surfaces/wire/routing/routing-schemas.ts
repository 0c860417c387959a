import { Type } from 'typebox';
import { PRIORITIES } from '../../../domain/ticket/ticket.js';
import {
  ASSIGNMENT_MODES, STRATEGIES, WAITING_ORDERS, type PolicyDocument,
} from '../../../domain/routing/policy.js';
import { ApprovalSpec } from '../approvals/approval-schemas.js';
import { Echo, FreeObject, literals, Nullable, Strict, Text } from '../common-schemas.js';
import { TicketCreateBody, TicketRef } from '../tickets/ticket-schemas.js';

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

/** One saved version of the routing policy. */
export const PolicyOutput = Type.Object({
  version: Type.Integer(),
  created_at: Type.String(),
  created_by: Nullable(Type.String()),
  restored_from: Nullable(Type.Integer()),
  policy: Echo<PolicyDocument>('the policy as saved, in the shape of the Policy schema'),
});

/** Why a ticket went where it went, as the router explained its decision. */
export const ExplanationOutput = Type.Object({
  outcome: Type.String({ description: 'assigned, offered, queued …; in a dry run would_assign, would_offer, would_queue' }),
  agent: Nullable(Type.String()),
  policy_version: Type.Integer(),
  rule: Nullable(Type.String()),
  rule_index: Nullable(Type.Integer()),
  step: Type.Integer(),
  queue: Type.String(),
  strategy: Type.String(),
  mode: Type.String(),
  rules_checked: Type.Array(Type.Object({
    name: Type.String(), result: Type.String(), error: Type.Optional(Type.String()),
  })),
  candidates: Type.Array(Type.Object({
    agent: Type.String(), name: Type.String(), score: Type.Number(), parts: Type.Record(
      Type.String(), Nullable(Type.Number()),
    ),
  })),
  excluded: Type.Record(
    Type.String(), Type.Integer(), { description: 'how many agents were left out, by reason' },
  ),
  queue_members: Type.Integer(),
  sticky: Nullable(Type.Object({ agent: Type.String(), used: Type.Boolean(), reason: Type.String() })),
  set: Type.Object({
    priority: Type.Optional(Type.String()),
    tags: Type.Optional(Type.Array(Type.String())),
    fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }, { description: 'what the matched rule set on the ticket' }),
});

/** Where a ticket stands in routing, and its decisions newest first. */
export const TicketRoutingOutput = Type.Object({
  ticket_id: Type.String(),
  state: Nullable(Type.Object({
    policy_version: Type.Integer(),
    rule: Nullable(Type.String()),
    step: Type.Integer(),
    queue: Type.String(),
    step_started_at: Type.String(),
    declined: Type.Array(Type.String()),
    offer_id: Nullable(Type.String()),
    waiting_on: Type.Array(Type.String()),
  })),
  reroutes: Type.Integer(),
  decisions: Type.Array(Type.Object({
    id: Type.String(),
    at: Type.String(),
    outcome: Type.String(),
    agent: Nullable(Type.String()),
    // Stored when the decision was made: one saved by an older version may lack a newer field.
    explanation: Type.Partial(ExplanationOutput),
  })),
});

/** An offer of a ticket to one agent. */
export const OfferOutput = Type.Object({
  id: Type.String(),
  ticket_id: Type.String(),
  agent_id: Type.String(),
  status: Type.String(),
  created_at: Type.String(),
  expires_at: Type.String(),
  answered_at: Nullable(Type.String()),
});

/** An agent's work: the tickets they hold and the offers waiting for their answer. */
export const AgentWorkOutput = Type.Object({
  tickets: Type.Array(TicketRef), offers: Type.Array(OfferOutput),
});
