import { admitTicket, type Admission } from '../../domain/intake/admit-ticket.js';
import type { Router } from '../../domain/routing/router.js';
import { SYSTEM_ACTOR } from '../../domain/shared/actor.js';
import { DEFAULT_TYPE, type Ticket, type TicketDraft } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { commit } from '../pipeline/commit.js';
import { inUnitOfWork } from '../pipeline/unit-of-work.js';
import { recordEvent } from '../record-event.js';
import { notePlacement, type RouteOutcome } from '../routing/placement.js';
import { decideRoute, placeDecision, routeTicket, type DecidedPlacement } from '../routing/route-ticket.js';
import { assertQueueIn, canRoute, type RoutingContext } from '../routing/routing-context.js';
import { slaChange } from '../sla/keep-sla.js';
import { assertAssignable, assertValidLinks } from '../ticket-references.js';
import { gatherIntakeFacts, type IntakeFacts } from './intake-facts.js';
import { inlineIntakeSources } from './intake-sources.js';
import { needsInfoReply } from './needs-info.js';

/** Where intake finds its facts when the caller did not gather them first (CLI, worker, demo). */
const INLINE = inlineIntakeSources();

/**
 * Intake: takes a draft in as a complete ticket in one write. Facts gathered before the
 * transaction (`known`, else read now) feed the pure admission (fields, signals, prediction,
 * duplicates), routing decides and the store confirms the agent's capacity, the SLA starts, a
 * ticket missing required fields gets its public reply, and the ticket is inserted once with all
 * its events. Escalation triggers and automations react to the whole intake once it is done.
 */
export async function submitTicketCommand(ctx: CommandContext, draft: TicketDraft, known?: IntakeFacts): Promise<RouteOutcome> {
  const setup = known ? { workflowVersion: known.versions.workflowVersion, webhooks: known.config.webhooks } : undefined;
  return inUnitOfWork(setup ? { ...ctx, known: setup } : ctx, async (ctx) => {
    const now = ctx.clock.now();
    const facts = known ?? (await gatherIntakeFacts(INLINE, ctx.tx, ctx.workspaceId, draft, now));
    const routing = canRoute(ctx) ? ctx : null;
    const router = routing ? await routing.routing.routerAt(ctx.tx, ctx.workspaceId, facts.versions, now) : null;
    if (router && draft.queue) assertQueueIn(router, draft.queue);
    const type = facts.config.types.get(draft.type ?? DEFAULT_TYPE) ?? null;
    const admission = admitTicket({ id: ctx.ids.next('tkt'), workspaceId: ctx.workspaceId, now, type, reading: facts.reading }, draft);
    if (admission.ticket.assigneeId) await assertAssignable(ctx, admission.ticket.assigneeId, '/assignee');
    if (draft.links?.length) await assertValidLinks(ctx, admission.ticket.id, draft.links);
    if (!routing || !router || admission.ticket.status !== 'queued') return insertTicket(ctx, admission, facts, null, now);
    if (needsSavedTicket(router, admission.ticket)) return routeAfterInsert(routing, admission, facts, now);
    const options = { customerAgent: facts.customerAgent, holdsNoRows: true };
    const { decision } = await decideRoute(routing, router, admission.ticket, options, now);
    const placement = await placeDecision(routing, router, admission.ticket, decision, options, now);
    const outcome = await insertTicket(ctx, admission, facts, placement, now);
    notePlacement(routing, router, placement);
    return outcome;
  }, async (ctx, outcome) => ({ ...outcome, ticket: ctx.unit?.ticket(outcome.ticket.id) ?? outcome.ticket }));
}

/**
 * A ticket blocked at birth, or under a policy whose rules may hold tickets for approval, is
 * saved before it is routed: parking it and opening approvals are changes of a saved ticket.
 */
function needsSavedTicket(router: Router, ticket: Ticket): boolean {
  return router.policy.hasApprovals || ticket.links.some((link) => link.kind === 'blocked_by');
}

async function routeAfterInsert(ctx: RoutingContext, admission: Admission, facts: IntakeFacts, now: number): Promise<RouteOutcome> {
  const { ticket } = await insertTicket(ctx, admission, facts, null, now);
  return routeTicket(ctx, ticket, { customerAgent: facts.customerAgent });
}

/** The one write of intake: the ticket as placed, with its SLA and any reply, and every event and timer. */
async function insertTicket(
  ctx: CommandContext, admission: Admission, facts: IntakeFacts, placement: DecidedPlacement | null, now: number,
): Promise<RouteOutcome> {
  const placed = placement?.ticket ?? admission.ticket;
  const sla = slaChange(facts.config.sla, { before: null, after: placed, comment: null, now, ids: ctx.ids });
  const started = sla.sla ? { ...placed, sla: sla.sla, version: placed.version + 1 } : placed;
  const reply = needsInfoReply(started, admission.missing, now, ctx.ids);
  const replied = reply ? { ...started, version: started.version + 1, updatedAt: now } : started;
  const replySla = reply ? slaChange(facts.config.sla, { before: started, after: replied, comment: reply, now, ids: ctx.ids }) : null;
  const ticket = replySla ? { ...replied, sla: replySla.sla } : replied;
  await commit(ctx, {
    before: null,
    after: ticket,
    events: [...admission.events, ...(placement ? [placement.event] : []), ...sla.events, ...(replySla?.events ?? [])],
    timers: [...(placement?.timers ?? []), ...sla.timers, ...(replySla?.timers ?? [])],
    ...(placement ? { routed: placement } : {}),
  });
  if (reply) {
    await ctx.tx.comments.insert(reply);
    await recordEvent({ ...ctx, actor: SYSTEM_ACTOR }, {
      entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'comment.added',
      data: { comment_id: reply.id, visibility: reply.visibility, author_kind: reply.authorKind },
    });
  }
  return { ticket, decision: placement?.decision ?? null, outcome: placement?.record.outcome ?? 'not_routed', ...(placement?.offer ? { offer: placement.offer } : {}) };
}
