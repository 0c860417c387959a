import { Type } from 'typebox';
import { AUTOMATION_EVENTS } from '../../../domain/automation/automation.js';
import { ROLES } from '../../../domain/auth/roles.js';
import { FIELD_FORMATS } from '../../../domain/escalation/business-checks.js';
import { RISK_LEVELS } from '../../../domain/escalation/escalation-config.js';
import { ATTEMPT_OUTCOMES, HANDOFF_MODES, SPEAKERS } from '../../../domain/handoff/handoff.js';
import { PRIORITIES } from '../../../domain/ticket/ticket.js';
import { FreeObject, Id, literals, Nullable, PatchBody, Strict, Text, Timestamp } from '../common-schemas.js';
import { ApprovalSpec, ApprovalSpecFields, HELD_ACTIONS } from '../approvals/approval-schemas.js';
import { CustomerInput } from '../tickets/ticket-schemas.js';

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
