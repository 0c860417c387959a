import { Type, type Static } from 'typebox';
import { TICKET_STATUSES } from '../../../domain/ticket/status.js';
import { CHANNELS, LINK_KINDS, PRIORITIES } from '../../../domain/ticket/ticket.js';
import {
  ActorOutput, CreateBody, FreeObject, GeoPointSchema, Id, literals, Nullable, PatchBody, Strict, Text,
  Timestamp,
} from '../common-schemas.js';

export const Channel = literals(CHANNELS);
export const Priority = literals(PRIORITIES);
export const Status = literals(TICKET_STATUSES);
export const TicketType = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'support, incident, bug, feature_request, change_request, lead, work_order, task, or a custom type' });
const Tag = Type.String({ minLength: 1, maxLength: 64 });
const Language = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag' });
const QueueName = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' });

export const CustomerInput = Strict({
  id: Type.Optional(Nullable(Text(200, 1))),
  name: Type.Optional(Nullable(Text(200))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
  organization: Type.Optional(Nullable(Text(200))),
  tier: Type.Optional(Nullable(Text(50))),
  crm: Type.Optional(Nullable({ ...FreeObject, description: 'what a CRM knows about the customer; when left out, the configured CRM lookup fills it at intake' })),
});

export const LinkInput = Strict({ kind: literals(LINK_KINDS), ticket_id: Id });

/**
 * Every field a client writes on a ticket, each with its limits. A create and a patch are views of
 * this one set, so a field and its rules are spelled once.
 */
export const TicketFields = Type.Object({
  type: TicketType,
  title: Text(500, 1),
  description: Text(100_000),
  channel: Channel,
  priority: Priority,
  status: Status,
  customer: Nullable(CustomerInput),
  tags: Type.Array(Tag, { maxItems: 50 }),
  fields: FreeObject,
  location: Nullable(GeoPointSchema),
  language: Nullable(Language),
  due_at: Nullable(Timestamp),
  queue: Nullable(QueueName),
  assignee: Nullable(Id),
  links: Type.Array(LinkInput, { maxItems: 50 }),
  version: Type.Integer({
    minimum: 1, description: 'Apply only if the ticket is still at this version (else 409 version_conflict).',
  }),
});

/** `POST /v1/tickets`: a title, any other field but the status, and links made with the ticket. */
export const TicketCreateBody = CreateBody(Type.Omit(TicketFields, ['status', 'version']), ['title']);

/** `PATCH /v1/tickets/:id`: any field but the links, and the version the change applies to. */
export const TicketPatchBody = PatchBody(Type.Omit(TicketFields, ['links']));

const CSV = Type.String({ maxLength: 500, description: 'one value, or several separated by commas' });

export const TicketListQuery = Strict({
  status: Type.Optional(CSV),
  priority: Type.Optional(CSV),
  queue: Type.Optional(QueueName),
  assignee: Type.Optional(Type.String({ maxLength: 64, description: 'an agent id, or "none" for unassigned work' })),
  type: Type.Optional(TicketType),
  tag: Type.Optional(Tag),
  customer: Type.Optional(Type.String({ maxLength: 320, description: 'customer id or e-mail' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'words that must all appear in the title or description' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
});

export const CustomerOutput = Type.Object({
  id: Nullable(Type.String()),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  organization: Nullable(Type.String()),
  tier: Nullable(Type.String()),
  crm: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: "what the configured CRM answered about the customer at intake; see docs/integrations.md" })),
});

export const TicketOutput = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    title: Type.String(),
    description: Type.String(),
    channel: Type.String(),
    priority: Type.String(),
    status: Type.String(),
    customer: Nullable(CustomerOutput),
    tags: Type.Array(Type.String()),
    fields: Type.Record(Type.String(), Type.Unknown()),
    location: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number(), address: Type.Optional(Nullable(Type.String())) })),
    language: Nullable(Type.String()),
    due_at: Nullable(Type.String()),
    queue: Nullable(Type.String()),
    assignee: Nullable(Type.String()),
    escalation: Type.Object({ level: Type.Integer(), reason: Nullable(Type.String()) }),
    links: Type.Array(Type.Object({ kind: Type.String(), ticket_id: Type.String() })),
    blocked_by: Type.Array(Type.String()),
    approval: Nullable(Type.Object({ id: Type.String(), status: Type.String() }, { description: 'the ticket\'s latest approval (see docs/approvals.md), or null' })),
    version: Type.Integer(),
    created_at: Type.String(),
    updated_at: Type.String(),
    first_response_at: Nullable(Type.String()),
    resolved_at: Nullable(Type.String()),
    closed_at: Nullable(Type.String()),
    ai: Nullable(Type.Object({
      label: Nullable(Type.String()), confidence: Type.Number(), priority: Nullable(Type.String()),
      priority_confidence: Type.Number(), model_version: Nullable(Type.Integer()),
      source: Type.Union([Type.Literal('local'), Type.Literal('external')], { description: 'who picked the labels: the workspace\'s model or the configured external one' }),
    }, { description: 'the triage prediction, made at intake and again when the title or description changes' })),
    signals: Nullable(Type.Object({
      sentiment: Type.Number(), language: Nullable(Type.String()), asks_for_human: Type.Boolean(), flags: Type.Array(Type.String()),
    }, { description: 'read from the text at intake' })),
    sla: Nullable(Type.Object({
      policy_id: Type.String(),
      policy_name: Type.String(),
      warn_at: Type.Number({ description: 'the share of each target at which sla.warning fires' }),
      metrics: Type.Array(Type.Object({
        metric: Type.String(), cycle: Type.Integer(), status: Type.String({ description: 'running, paused or fulfilled' }),
        target_minutes: Type.Number(), business_hours: Nullable(Type.String({ description: 'the calendar the target counts in; null for calendar time' })),
        started_at: Type.String(), warn_at: Nullable(Type.String()), due_at: Nullable(Type.String()),
        remaining_minutes: Nullable(Type.Integer({ description: 'target time left in its own hours (negative when overdue); for a running clock only on GET /v1/tickets/:id' })),
        paused: Type.Boolean(), paused_at: Nullable(Type.String()), warned_at: Nullable(Type.String()),
        breached: Type.Boolean(), breached_at: Nullable(Type.String()), fulfilled_at: Nullable(Type.String()),
      })),
    }, { description: 'the SLA policy the ticket is held to and its clocks; see docs/sla.md' })),
  },
  { $id: 'Ticket' },
);

/** A ticket inside another answer: a reference to the shared `Ticket` schema, typed as it. */
export const TicketRef = Type.Unsafe<Static<typeof TicketOutput>>(Type.Ref('Ticket'));

export const CommentCreateBody = Strict({
  body: Text(100_000, 1),
  visibility: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('internal')], { default: 'public' })),
  author: Type.Optional(
    Strict({
      kind: literals(['agent', 'customer', 'bot'] as const),
      id: Type.Optional(Nullable(Text(200, 1))),
      name: Type.Optional(Nullable(Text(200))),
    }, { description: 'Who wrote it, when an integration posts on someone\'s behalf (admin and supervisor tokens).' }),
  ),
});

export const CommentOutput = Type.Object(
  {
    id: Type.String(),
    ticket_id: Type.String(),
    visibility: Type.String(),
    author: Type.Object({ kind: Type.String(), id: Nullable(Type.String()), name: Nullable(Type.String()) }),
    body: Type.String(),
    created_at: Type.String(),
  },
  { $id: 'Comment' },
);

export const EventOutput = Type.Object(
  {
    id: Type.Integer(),
    type: Type.String(),
    entity: Type.Object({ kind: Type.String(), id: Type.String() }),
    actor: Type.Object({ kind: Type.String(), id: Nullable(Type.String()), name: Nullable(Type.String()) }),
    at: Type.String(),
    before: Nullable(Type.Record(Type.String(), Type.Unknown())),
    after: Nullable(Type.Record(Type.String(), Type.Unknown())),
    data: Nullable(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'Event' },
);

/** One event of the live stream (`data:` of GET /v1/events/stream): what changed, not the values. */
export const StreamEventOutput = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  entity: Type.Object({ kind: Type.String(), id: Type.String() }),
  ticket_id: Nullable(Type.String()),
  actor: ActorOutput,
  at: Type.String(),
  changed: Type.Array(Type.String(), { description: 'the names of the fields that changed' }),
});

export const PageQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
});
