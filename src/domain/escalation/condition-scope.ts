import { BOOL, DOUBLE, DYN, STRING, TIMESTAMP, listOf, mapOf, type ExprType } from '../expression/expr-type.js';
import type { EvalEnv, ExpressionScope } from '../expression/index.js';
import { TICKET_TYPE } from '../expression/shapes.js';
import { ticketVars, type TicketVars } from '../routing/views.js';
import type { SlaState } from '../sla/sla-state.js';
import type { Ticket } from '../ticket/ticket.js';
import type { BusinessChecks } from './business-checks.js';

/**
 * What escalation triggers and automation conditions see. `ticket` is the routing view plus the
 * times and people workflows ask about; the other variables are the built-in helpers, computed
 * once per evaluation so that a condition reads as a sentence (`sla.breached`, `idle_hours > 48`).
 */
const WORKFLOW_TICKET_TYPE: ExprType = {
  kind: 'object',
  name: 'Ticket',
  fields: {
    ...(TICKET_TYPE as Extract<ExprType, { kind: 'object' }>).fields,
    updated_at: TIMESTAMP,
    first_response_at: TIMESTAMP,
    assignee: STRING,
  },
};

const EVENT_TYPE: ExprType = { kind: 'object', name: 'Event', fields: { type: STRING, data: mapOf(STRING, DYN) } };
const RISK_TYPE: ExprType = {
  kind: 'object', name: 'Risk', fields: { category: STRING, level: STRING, threshold: DOUBLE, mandatory_review: BOOL },
};
const HANDOFF_TYPE: ExprType = {
  kind: 'object', name: 'Handoff', nullable: true, fields: { mode: STRING, confidence: DOUBLE, reason: STRING },
};
const CHECKS_TYPE: ExprType = {
  kind: 'object',
  name: 'Checks',
  fields: { missing_fields: listOf(STRING), policy_flags: listOf(STRING), ambiguous: BOOL, format_errors: listOf(STRING) },
};
const SLA_TYPE: ExprType = { kind: 'object', name: 'Sla', fields: { warning: BOOL, breached: BOOL, metric: STRING } };

/** The scope every trigger and automation condition is checked against. */
export const CONDITION_SCOPE: ExpressionScope = {
  variables: {
    ticket: WORKFLOW_TICKET_TYPE,
    event: EVENT_TYPE,
    risk: RISK_TYPE,
    ai_involved: BOOL,
    confidence: DOUBLE,
    handoff: HANDOFF_TYPE,
    checks: CHECKS_TYPE,
    sla: SLA_TYPE,
    idle_hours: DOUBLE,
  },
  result: BOOL,
};

/** The event a condition is evaluated for: a history entry's type and data, or `schedule`. */
export interface ConditionEvent {
  type: string;
  data: Record<string, unknown>;
}

/** What a hand-off tells a condition: who asked for the human and how sure the bot was. */
export interface HandoffFacts {
  mode: 'reactive' | 'proactive';
  confidence: number;
  reason: string | null;
}

/** The risk of the ticket's category and the confidence it needs (see escalation config). */
export interface RiskFacts {
  category: string;
  level: string;
  threshold: number;
  mandatory_review: boolean;
}

export interface ConditionInput {
  ticket: Ticket;
  event: ConditionEvent;
  risk: RiskFacts;
  checks: BusinessChecks;
  handoff: HandoffFacts | null;
  now: number;
}

/** Builds the variables of one evaluation; pure, so a dry run sees exactly what a live run would. */
export function conditionEnv(input: ConditionInput): EvalEnv {
  const { ticket, event, handoff, now } = input;
  const view: TicketVars & { updated_at: number; first_response_at: number | null; assignee: string | null } = {
    ...ticketVars(ticket),
    updated_at: ticket.updatedAt,
    first_response_at: ticket.firstResponseAt,
    assignee: ticket.assigneeId,
  };
  const aiInvolved = ticket.ai !== null || handoff !== null;
  return {
    ticket: view,
    event: { type: event.type, data: event.data },
    risk: input.risk,
    ai_involved: aiInvolved,
    // A bot that handed over speaks for the conversation; otherwise the triage model's verdict counts.
    confidence: handoff?.confidence ?? ticket.ai?.confidence ?? 1,
    handoff,
    checks: input.checks,
    sla: slaFacts(ticket.sla, event),
    idle_hours: Math.max(0, now - ticket.updatedAt) / 3_600_000,
    now,
  };
}

/** Whether an SLA clock warned or breached: from the event that says so, else from the ticket's clocks. */
function slaFacts(sla: SlaState | null, event: ConditionEvent): { warning: boolean; breached: boolean; metric: string | null } {
  const metric = typeof event.data.metric === 'string' ? event.data.metric : null;
  if (event.type === 'sla.breached') return { warning: true, breached: true, metric };
  if (event.type === 'sla.warning') return { warning: true, breached: false, metric };
  const open = (sla?.metrics ?? []).filter((m) => m.fulfilledAt === null);
  const breached = open.find((m) => m.breachedAt !== null);
  const warned = open.find((m) => m.warnedAt !== null);
  return { warning: warned !== undefined || breached !== undefined, breached: breached !== undefined, metric: (breached ?? warned)?.metric ?? null };
}
