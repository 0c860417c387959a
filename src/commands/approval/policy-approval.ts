import type { RoutingDecision } from '../../domain/routing/decision.js';
import type { Router } from '../../domain/routing/router.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { waitOnApprovals } from '../routing/approval-wait.js';
import type { RouteOutcome } from '../routing/placement.js';
import type { RoutingContext } from '../routing/routing-context.js';
import { openApproval } from './open-approval.js';

/**
 * A rule that asks for approval holds its tickets before routing them: the first time a ticket
 * matches, the approval is requested and the ticket parked; once it is decided (either way) the
 * ticket routes on. Null when the ticket may be routed now.
 */
export async function policyApprovalGate(ctx: RoutingContext, router: Router, ticket: Ticket, decision: RoutingDecision): Promise<RouteOutcome | null> {
  const plan = decision.ruleIndex === null ? null : router.policy.rules.find((rule) => rule.index === decision.ruleIndex)?.approval;
  if (!plan) return null;
  const source = `policy:${decision.rule}`;
  const asked = (await ctx.tx.approvals.forTicket(ctx.workspaceId, ticket.id)).filter((a) => a.source === source && a.status !== 'cancelled');
  if (asked.some((approval) => approval.status !== 'awaiting')) return null;
  const approval = asked[0] ?? (await openApproval(ctx, ticket, plan, source));
  if (!approval.hold) return null;
  return waitOnApprovals(ctx, ticket, [...(ticket.routing?.waitingOn ?? []), approval.id]);
}
