import { Type } from 'typebox';
import {
  APPROVAL_STATUSES, APPROVER_ROLES, VOTE_DECISIONS, type ApproversDocument, type HeldAction,
} from '../../../domain/approval/approval.js';
import { PRIORITIES } from '../../../domain/ticket/ticket.js';
import { ActorOutput, Cursor, Echo, Id, Limit, literals, Nullable, Strict, Text } from '../common-schemas.js';
import { TicketType } from '../tickets/ticket-schemas.js';

const QueueId = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' });
const Level = Type.Integer({ minimum: 0, maximum: 9, description: 'escalation level (1 = L1 …); levels above 3 are refused with their path' });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 0, maxItems: 50 });
const TemplateText = (max: number) => Text(max, 1);
const Duration = Type.String({ minLength: 1, maxLength: 20, description: 'e.g. "30m", "4h", "1d"' });
const Min = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'how many of them must approve (default 1)' }));

/** The automation actions an approval can hold (every kind but another approval request). */
export const HELD_ACTIONS = [
  Strict({
    kind: Type.Literal('set'), field: Text(120, 1),
    value: Type.Unknown({ description: 'any JSON value the field takes' }),
  }),
  Strict({ kind: Type.Literal('add_tags'), tags: Tags }),
  Strict({ kind: Type.Literal('remove_tags'), tags: Tags }),
  Strict({ kind: Type.Literal('assign_queue'), queue: QueueId }),
  Strict({ kind: Type.Literal('assign_agent'), agent: Id }),
  Strict({ kind: Type.Literal('escalate'), level: Type.Optional(Level), reason: Text(500, 1) }),
  Strict({ kind: Type.Literal('reply'), canned_response: Id }),
  Strict({ kind: Type.Literal('note'), canned_response: Id }),
  Strict({ kind: Type.Literal('add_watcher'), agent: Id }),
  Strict({ kind: Type.Literal('notify_webhook'), webhook: Id }),
  Strict({
    kind: Type.Literal('create_follow_up'), title: TemplateText(500), description: Type.Optional(TemplateText(10_000)),
    type: Type.Optional(TicketType), priority: Type.Optional(literals(PRIORITIES)), queue: Type.Optional(QueueId),
  }),
];

const HeldActions = Type.Optional(Type.Array(Type.Union(HELD_ACTIONS), { maxItems: 20 }));

const Approvers = Type.Union([
  Strict({ agents: Type.Array(Id, { minItems: 1, maxItems: 50 }), min: Min }),
  Strict({ role: literals(APPROVER_ROLES), min: Min }),
  Strict({ team: Text(64, 1), min: Min }),
], { description: '{"agents": [ids]}, {"role": "supervisor"} or {"team": "billing"}, each with an optional "min"' });

/** The fields of an approval spec, shared by the request body, automation actions, policy rules and escalation levels. */
export const ApprovalSpecFields = {
  approvers: Approvers,
  reason: Text(500, 1),
  hold: Type.Optional(Type.Boolean({ description: 'keep the ticket from being routed while it waits (default true; false for escalation levels)' })),
  on_approve: HeldActions,
  on_reject: HeldActions,
  remind_after: Type.Optional(Duration),
  escalate_after: Type.Optional(Duration),
};

export const ApprovalSpec = Strict(ApprovalSpecFields, { description: 'An approval: who, why, what it holds; see docs/approvals.md' });

export const VoteBody = Strict({ comment: Type.Optional(Text(2000)) });
export const RejectBody = Strict({ comment: Text(2000, 1) });
export const CancelBody = Strict({ comment: Type.Optional(Text(2000)) });

export const ApprovalListQuery = Strict({
  status: Type.Optional(literals(APPROVAL_STATUSES)),
  approver: Type.Optional(Type.Literal('me', { description: 'only approvals the caller may still answer' })),
  ticket: Type.Optional(Id),
  cursor: Type.Optional(Cursor),
  limit: Type.Optional(Limit),
});

const HeldActionOutput = Echo<HeldAction>('an action as written: its `kind` and that kind\'s fields');

/** An approval: who may answer, how many must, the votes so far, what it holds. */
export const ApprovalOutput = Type.Object({
  id: Type.String(),
  ticket_id: Type.String(),
  status: literals(APPROVAL_STATUSES),
  reason: Type.String(),
  approvers: Echo<ApproversDocument>('as asked: {"agents": [ids]}, {"role": …} or {"team": …}, and "min"'),
  needed: Type.Integer({ description: 'how many approvals it takes' }),
  hold: Type.Boolean(),
  on_approve: Type.Array(HeldActionOutput),
  on_reject: Type.Array(HeldActionOutput),
  remind_after_s: Nullable(Type.Number()),
  escalate_after_s: Nullable(Type.Number()),
  source: Type.String(),
  requested_by: ActorOutput,
  requested_at: Type.String(),
  decided_at: Nullable(Type.String()),
  votes: Type.Array(Type.Object({
    voter: Type.String(),
    agent_id: Nullable(Type.String()),
    name: Nullable(Type.String()),
    decision: literals(VOTE_DECISIONS),
    comment: Nullable(Type.String()),
    at: Type.String(),
  })),
});
