import { Type } from 'typebox';
import { AUTOMATION_EVENTS, type ActionDocument } from '../../../domain/automation/automation.js';
import { ROLES } from '../../../domain/auth/roles.js';
import { FIELD_FORMATS } from '../../../domain/escalation/business-checks.js';
import { RISK_LEVELS, type EscalationDocument } from '../../../domain/escalation/escalation-config.js';
import { ATTEMPT_OUTCOMES, HANDOFF_MODES, SPEAKERS } from '../../../domain/handoff/handoff.js';
import { PRIORITIES } from '../../../domain/ticket/ticket.js';
import {
  ActorOutput, Echo, FreeObject, Id, ListOf, literals, Nullable, PatchBody, Strict, Text, Timestamp,
} from '../common-schemas.js';
import {
  ApprovalOutput, ApprovalSpec, ApprovalSpecFields, HELD_ACTIONS,
} from '../approvals/approval-schemas.js';
import { CustomerInput, CustomerOutput, TicketRef } from '../tickets/ticket-schemas.js';

const QueueId = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' });
const Expression = Text(4000, 1);
const Level = Type.Integer({ minimum: 0, maximum: 9, description: 'escalation level (1 = L1 …); levels above 3 are refused with their path' });
const Party = Type.Union([Strict({ agent: Id }), Strict({ role: literals(ROLES) })], { description: '{"agent": id} or {"role": "supervisor"}' });
const Word = Type.String({ minLength: 1, maxLength: 100 });

const EscalationLevel = Strict({
  level: Level,
  name: Type.Optional(Text(100)),
  queue: QueueId,
  owner: Party,
  consulted: Type.Optional(Type.Array(Party, { maxItems: 50 })),
  informed: Type.Optional(Type.Array(Party, { maxItems: 50 })),
  approval: Type.Optional(ApprovalSpec),
});

const Trigger = Strict({
  name: Text(100, 1),
  preset: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'a built-in trigger; see GET /v1/escalation/presets' })),
  params: Type.Optional(FreeObject),
  when: Type.Optional(Expression),
  level: Type.Optional(Level),
  reason: Type.Optional(Text(500, 1)),
  enabled: Type.Optional(Type.Boolean()),
});

export const EscalationConfigBody = Strict({
  levels: Type.Array(EscalationLevel, { maxItems: 3 }),
  categories: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 100 }), literals(RISK_LEVELS), { maxProperties: 200 })),
  thresholds: Type.Optional(Strict({
    low: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    standard: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    strict: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  })),
  checks: Type.Optional(Strict({
    required_fields: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Array(Word, { maxItems: 50 }), { maxProperties: 200 })),
    formats: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 100 }), literals(FIELD_FORMATS), { maxProperties: 200 })),
    policy_flags: Type.Optional(Type.Array(Word, { maxItems: 100 })),
    min_words: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  })),
  triggers: Type.Array(Trigger, { maxItems: 100 }),
}, { description: 'Escalation levels (a RACI per level), category risks, business-rule checks and triggers.' });

export const EscalateBody = Strict({
  reason: Text(1000, 1),
  level: Type.Optional(Level),
});

const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 0, maxItems: 50 });

const Action = Type.Union([...HELD_ACTIONS, Strict({ kind: Type.Literal('request_approval'), ...ApprovalSpecFields })]);

export const AutomationBody = Strict({
  name: Text(200, 1),
  enabled: Type.Optional(Type.Boolean()),
  events: Type.Optional(Type.Array(literals(AUTOMATION_EVENTS), { maxItems: AUTOMATION_EVENTS.length })),
  schedule: Type.Optional(Strict({ every: Text(20, 1), idle_for: Type.Optional(Text(20, 1)) })),
  when: Type.Optional(Expression),
  actions: Type.Array(Action, { maxItems: 20 }),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'On PUT: apply only if the automation is still at this version.' })),
}, { description: 'An event–condition–action rule: on events or a schedule, a CEL condition, and actions.' });

export const AutomationDryRunBody = Strict({
  ticket_id: Id,
  event: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'the event to test with (default: the first the automation listens to)' })),
});

/** A canned response: both fields on create, either on a patch. */
export const CannedResponseBody = Strict({ name: Text(200, 1), body: Text(20_000, 1) });
export const CannedResponsePatch = PatchBody(CannedResponseBody);

export const HandoffBody = Strict({
  conversation_id: Type.String({ minLength: 1, maxLength: 200 }),
  mode: literals(HANDOFF_MODES),
  reason: Type.Optional(Nullable(Text(1000))),
  bot: Type.Optional(Strict({ name: Type.Optional(Nullable(Text(200))) })),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  intent: Type.Optional(Nullable(Text(100, 1))),
  transcript: Type.Array(Strict({ from: literals(SPEAKERS), text: Text(20_000), at: Type.Optional(Nullable(Timestamp)) }), { minItems: 1, maxItems: 500 }),
  attempts: Type.Optional(Type.Array(Strict({
    action: Text(500, 1), outcome: Type.Optional(literals(ATTEMPT_OUTCOMES)), detail: Type.Optional(Nullable(Text(2000))),
  }), { maxItems: 50 })),
  customer: Type.Optional(Nullable(CustomerInput)),
  customer_data: Type.Optional(FreeObject),
  title: Type.Optional(Text(500, 1)),
  priority: Type.Optional(literals(PRIORITIES)),
  queue: Type.Optional(Nullable(QueueId)),
  tags: Type.Optional(Tags),
  fields: Type.Optional(FreeObject),
}, { description: 'A bot hands a conversation to a person.' });

/** The escalation config in force and its version (0, with no time, when none was saved). */
export const EscalationConfigOutput = Type.Object({
  version: Type.Integer(),
  updated_at: Nullable(Type.String()),
  updated_by: Nullable(Type.String()),
  config: Echo<EscalationDocument>('the config as saved, in the shape PUT /v1/escalation takes'),
});

/** A built-in trigger: its parameters' defaults and the condition it stands for with them. */
export const PresetOutput = Type.Object({
  name: Type.String(),
  description: Type.String(),
  reason: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  when: Type.String({ description: 'the CEL condition with the default parameters' }),
});

/** A party of a level's RACI as saved: `{"agent": id}` or `{"role": …}`. */
const PartyOutput = Type.Object({ agent: Type.Optional(Type.String()), role: Type.Optional(Type.String()) });

/** One escalation or de-escalation of a ticket. */
export const EscalationOutput = Type.Object({
  id: Type.String(),
  ticket_id: Type.String(),
  from_level: Type.Integer(),
  to_level: Type.Integer(),
  direction: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  trigger: Type.String(),
  reason: Type.String(),
  actor: ActorOutput,
  queue: Nullable(Type.String()),
  owner: Nullable(PartyOutput),
  informed: Type.Array(PartyOutput),
  at: Type.String(),
  first_response_at: Nullable(Type.String()),
});

/** A level change, or the approval it waits for when the level asks for one, and the ticket after it. */
export const EscalationOutcomeOutput = Type.Object({
  escalation: Nullable(EscalationOutput),
  approval: Nullable(ApprovalOutput),
  ticket: TicketRef,
});

export const WatchersOutput = ListOf(Type.String({ description: 'an agent id' }));

/** An automation: its document as written, with its id, version and next scheduled run. */
export const AutomationOutput = Type.Object({
  id: Type.String(),
  name: Type.String(),
  enabled: Type.Boolean(),
  events: Type.Optional(Type.Array(Type.String())),
  schedule: Type.Optional(Type.Object({ every: Type.String(), idle_for: Type.Optional(Type.String()) })),
  when: Type.Optional(Type.String()),
  actions: Type.Array(Echo<ActionDocument>('an action as written: its `kind` and that kind\'s fields')),
  version: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
  next_run_at: Nullable(Type.String()),
});

/** What an automation would do to a ticket now, and why; nothing changed. */
export const AutomationDryRunOutput = Type.Object({
  automation: Type.Object({ id: Type.String(), name: Type.String() }),
  ticket_id: Type.String(),
  event: Type.String(),
  matched: Type.Boolean(),
  condition: Type.Object({
    source: Nullable(Type.String()), result: Nullable(Type.Boolean()), error: Nullable(Type.String()),
  }),
  actions: Type.Array(Type.Object({
    kind: Type.String(), description: Type.String(), preview: Type.Record(Type.String(), Type.Unknown()),
  })),
  changed: Type.Boolean({ description: 'always false: a dry run changes nothing' }),
});

export const CannedResponseOutput = Type.Object({
  id: Type.String(),
  name: Type.String(),
  body: Type.String(),
  version: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

/** The hand-off packet a person reads before picking the conversation up. */
export const HandoffOutput = Type.Object({
  ticket_id: Type.String(),
  conversation_id: Type.String(),
  mode: Type.String(),
  reason: Nullable(Type.String()),
  summary: Type.String(),
  context: Type.Object({
    bot: Nullable(Type.String()),
    intent: Nullable(Type.String()),
    customer: Nullable(Type.Partial(CustomerOutput)),
    customer_data: Type.Record(Type.String(), Type.Unknown()),
    language: Nullable(Type.String()),
  }),
  attempts: Type.Array(Type.Object({
    action: Type.String(), outcome: Type.String(), detail: Nullable(Type.String()),
  })),
  signals: Type.Object({
    bot_confidence: Type.Number(),
    asks_for_human: Type.Boolean(),
    sentiment: Nullable(Type.Number()),
    flags: Type.Array(Type.String()),
    customer_messages: Type.Integer(),
    bot_messages: Type.Integer(),
  }),
  transcript: Type.Array(Type.Object({
    from: Type.String(), text: Type.String(), at: Nullable(Type.String()),
  })),
  handoffs: Type.Integer(),
  received_at: Type.String(),
  updated_at: Type.String(),
});

/** A hand-off's answer: the chat ticket it opened or updated, and the packet stored on it. */
export const HandoffOutcomeOutput = Type.Object({ ticket: TicketRef, handoff: HandoffOutput });
