import type { DryRunResult } from '../../../commands/automation/dry-run-automation.js';
import type { EscalationOutcome } from '../../../commands/escalation/escalate-ticket.js';
import type { Automation, CannedResponse } from '../../../domain/automation/automation.js';
import type { EscalationRecord } from '../../../domain/escalation/escalation.js';
import type { HandoffPacket } from '../../../domain/handoff/handoff.js';
import type { EscalationConfigRecord } from '../../../domain/store/workflow-store.js';
import { presentApproval } from '../approvals/approval-presenter.js';
import { presentTicket } from '../tickets/ticket-presenter.js';
import { iso } from '../time.js';

/** The escalation config in force and its version (0 when none was saved). */
export function presentEscalationConfig(record: EscalationConfigRecord) {
  return { version: record.version, updated_at: record.version === 0 ? null : iso(record.updatedAt), updated_by: record.updatedBy, config: record.document };
}

/** One escalation or de-escalation of a ticket: from and to which level, by what, why, when, first human response. */
export function presentEscalation(record: EscalationRecord) {
  return {
    id: record.id,
    ticket_id: record.ticketId,
    from_level: record.fromLevel,
    to_level: record.toLevel,
    direction: record.toLevel > record.fromLevel ? ('up' as const) : ('down' as const),
    trigger: record.trigger,
    reason: record.reason,
    actor: { kind: record.actor.kind, id: record.actor.id, name: record.actor.name },
    queue: record.queue,
    owner: record.owner,
    informed: record.informed,
    at: iso(record.at),
    first_response_at: iso(record.firstResponseAt),
  };
}

/** A level change, or the approval it waits for when the level asks for one. */
export function presentEscalationOutcome(outcome: EscalationOutcome) {
  return {
    escalation: outcome.escalation && presentEscalation(outcome.escalation),
    approval: outcome.approval && presentApproval(outcome.approval),
    ticket: presentTicket(outcome.ticket),
  };
}

/** An automation: its document as written, plus its id, version and next scheduled run. */
export function presentAutomation(automation: Automation) {
  return {
    id: automation.id,
    ...automation.document,
    enabled: automation.document.enabled !== false,
    version: automation.version,
    created_at: iso(automation.createdAt),
    updated_at: iso(automation.updatedAt),
    next_run_at: iso(automation.nextRunAt),
  };
}

export function presentCannedResponse(canned: CannedResponse) {
  return { id: canned.id, name: canned.name, body: canned.body, version: canned.version, created_at: iso(canned.createdAt), updated_at: iso(canned.updatedAt) };
}

/** The hand-off packet as a person reads it before picking the conversation up. */
export function presentHandoff(ticketId: string, packet: HandoffPacket) {
  return {
    ticket_id: ticketId,
    conversation_id: packet.conversationId,
    mode: packet.mode,
    reason: packet.reason,
    summary: packet.summary,
    context: {
      bot: packet.context.botName,
      intent: packet.context.intent,
      customer: packet.context.customer,
      customer_data: packet.context.customerData,
      language: packet.context.language,
    },
    attempts: packet.attempts,
    signals: {
      bot_confidence: packet.signals.botConfidence,
      asks_for_human: packet.signals.asksForHuman,
      sentiment: packet.signals.sentiment,
      flags: packet.signals.flags,
      customer_messages: packet.signals.customerMessages,
      bot_messages: packet.signals.botMessages,
    },
    transcript: packet.transcript.map((m) => ({ from: m.from, text: m.text, at: iso(m.at) })),
    handoffs: packet.handoffs,
    received_at: iso(packet.receivedAt),
    updated_at: iso(packet.updatedAt),
  };
}

export function presentDryRun(result: DryRunResult) {
  return {
    automation: result.automation,
    ticket_id: result.ticketId,
    event: result.event,
    matched: result.matched,
    condition: result.condition,
    actions: result.actions,
    changed: false,
  };
}
