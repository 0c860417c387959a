import type { CompiledAutomation } from '../../domain/automation/automation.js';
import type { CompiledEscalation, CompiledTrigger } from '../../domain/escalation/escalation-config.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { Cause } from '../context.js';

/** An automation whose condition held: run its actions on the ticket, as the rule. */
export interface RunAutomationIntent {
  kind: 'run_automation';
  rule: CompiledAutomation;
  ticketId: string;
  /** The automation event that set it off (`ticket.updated`, `sla.breached`, …). */
  event: string;
  /** The round it fired in; what its actions record is the next round (`cause`). */
  depth: number;
  cause: Cause;
}

/** An escalation trigger fired: move the ticket to the trigger's level, naming the trigger. */
export interface EscalateIntent {
  kind: 'escalate';
  ticket: Ticket;
  trigger: Pick<CompiledTrigger, 'name' | 'level' | 'reason'>;
  escalation: CompiledEscalation;
  cause: Cause;
}

/** What reactors ask for; the composition root carries each out with the commands that do it. */
export type Intent = RunAutomationIntent | EscalateIntent;
