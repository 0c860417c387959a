import type { RoutingDecision } from '../../domain/routing/decision.js';
import type { PolicyDocument } from '../../domain/routing/policy.js';
import { compilePolicy } from '../../domain/routing/policy-compiler.js';
import type { Router } from '../../domain/routing/router.js';
import { fail } from '../../domain/errors.js';
import { createTicket } from '../../domain/ticket/ticket-changes.js';
import type { TicketDraft } from '../../domain/ticket/ticket.js';
import { routeRequest } from './route-ticket.js';
import { buildRouter } from './routing-runtime.js';
import type { RoutingContext } from './routing-context.js';

/**
 * Answers "where would this ticket go, and why?" under the policy in force or a draft policy,
 * against the workspace's real agents and loads, without writing anything.
 */
export async function dryRunCommand(ctx: RoutingContext, draft: TicketDraft, policy?: PolicyDocument): Promise<RoutingDecision> {
  const now = ctx.clock.now();
  const ticket = createTicket(draft, 'tkt_dry_run', ctx.workspaceId, now);
  const router = policy ? await draftRouter(ctx, policy) : await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, now);
  if (!router) throw fail('invalid_policy', 'This workspace has no routing policy yet; send one with the dry run.');
  return router.decide(await routeRequest(ctx, ticket, {}, now));
}

async function draftRouter(ctx: RoutingContext, document: PolicyDocument): Promise<Router> {
  const compiled = compilePolicy(document, 0);
  if (!compiled.ok) throw fail('invalid_policy', `The policy has ${compiled.errors.length} mistake(s).`, { errors: compiled.errors });
  return buildRouter(ctx.tx, ctx.workspaceId, compiled.policy);
}
