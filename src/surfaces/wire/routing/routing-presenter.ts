import type { Static } from 'typebox';
import type { RoutingDecision } from '../../../domain/routing/decision.js';
import type { Offer } from '../../../domain/routing/offer.js';
import type { PolicyVersion, RoutingDecisionRecord } from '../../../domain/store/routing-store.js';
import type { Ticket } from '../../../domain/ticket/ticket.js';
import { traceOf } from '../../../domain/routing/trace.js';
import { iso } from '../time.js';
import type { ExplanationOutput } from './routing-schemas.js';

/** One version of the routing policy. */
export function presentPolicy(saved: PolicyVersion) {
  return {
    version: saved.version,
    created_at: iso(saved.createdAt),
    created_by: saved.createdBy,
    restored_from: saved.restoredFrom,
    policy: saved.document,
  };
}

/** A dry-run answer: the decision and its explanation, as stored for real decisions. */
export function presentDryRun(decision: RoutingDecision) {
  const first = decision.candidates[0]?.agentId ?? null;
  const outcome = first ? (decision.mode === 'offer' ? 'would_offer' : 'would_assign') : 'would_queue';
  // The trace is the JSON stored with real decisions; its keys are the ones ExplanationOutput names.
  return traceOf(decision, outcome, first) as unknown as Static<typeof ExplanationOutput>;
}

/** Where a ticket stands in routing, and the explanations of its decisions, newest first. */
export function presentRouting(ticket: Ticket, decisions: RoutingDecisionRecord[]) {
  const state = ticket.routing;
  return {
    ticket_id: ticket.id,
    state: state && {
      policy_version: state.policyVersion,
      rule: state.rule,
      step: state.step,
      queue: state.queue,
      step_started_at: iso(state.stepStartedAt),
      declined: state.declined,
      offer_id: state.offerId,
      waiting_on: state.waitingOn,
    },
    reroutes: ticket.reroutes,
    decisions: decisions.map((d) => ({ id: d.id, at: iso(d.at), outcome: d.outcome, agent: d.agentId, explanation: d.trace })),
  };
}

/** An offer as its agent sees it. */
export function presentOffer(offer: Offer) {
  return {
    id: offer.id,
    ticket_id: offer.ticketId,
    agent_id: offer.agentId,
    status: offer.status,
    created_at: iso(offer.createdAt),
    expires_at: iso(offer.expiresAt),
    answered_at: iso(offer.answeredAt),
  };
}
