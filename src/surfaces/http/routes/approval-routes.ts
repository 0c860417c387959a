import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { cancelApprovalCommand, loadApproval, resolveVoter, voteApprovalCommand } from '../../../commands/approval/decide-approval.js';
import { requestApprovalCommand } from '../../../commands/approval/request-approval.js';
import { loadTicket } from '../../../commands/load-ticket.js';
import { approverRolesOf, type ApprovalSpecDocument, type VoteDecision } from '../../../domain/approval/approval.js';
import type { Principal } from '../../../domain/auth/token.js';
import type { StoreTx } from '../../../domain/store/store.js';
import { runIdempotent } from '../idempotency.js';
import { presentApproval } from '../../wire/approvals/approval-presenter.js';
import { decodeCursor, pageBody } from '../pagination.js';
import { commandContext, type HttpServices } from '../services.js';
import {
  ApprovalListQuery, ApprovalOutput, ApprovalSpec, CancelBody, RejectBody, VoteBody,
} from '../../wire/approvals/approval-schemas.js';
import { IdParams, IdempotencyHeaders, ListOf, PageOf, errorResponses } from '../../wire/common-schemas.js';

/** Approvals: ask for one on a ticket, list and read them, approve, reject or cancel. */
export const approvalRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  /** Records the caller's vote and answers with the approval as it now stands. */
  const vote = (principal: Principal, id: string, decision: VoteDecision, comment: string | undefined) => store.transaction(async (tx) => {
    const ctx = commandContext(services, principal, tx);
    const voter = await resolveVoter(ctx, { key: voterKeyOf(principal), agentId: principal.agentId, role: principal.role, name: principal.name });
    return presentApproval(await voteApprovalCommand(ctx, id, voter, { decision, comment: comment ?? null }));
  });

  app.post('/v1/tickets/:id/approvals', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['approvals'],
      summary: 'Ask for an approval on a ticket',
      description: 'Checked first: a mistake is a 422 `invalid_approval` listing each with its path. A holding approval (the default) parks the ticket until it is decided. Idempotent with `Idempotency-Key`.',
      params: IdParams,
      headers: IdempotencyHeaders,
      body: ApprovalSpec,
      response: { 201: ApprovalOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const { principal } = request;
    const result = await runIdempotent(store, {
      workspaceId: principal.workspaceId,
      scope: `POST /v1/tickets/${request.params.id}/approvals`,
      key: request.headers['idempotency-key'],
      body: request.body,
      now: services.clock.now(),
    }, async (tx) => {
      const approval = await requestApprovalCommand(commandContext(services, principal, tx), request.params.id, request.body as ApprovalSpecDocument);
      return { status: 201, body: presentApproval(approval) };
    });
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    const body = result.body as Static<typeof ApprovalOutput>;
    return reply.status(result.status as 201).header('location', `/v1/approvals/${body.id}`).send(body);
  });

  app.get('/v1/tickets/:id/approvals', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['approvals'], summary: 'The ticket\'s approvals, oldest first', params: IdParams,
      response: { 200: ListOf(ApprovalOutput), ...errorResponses(401, 404) },
    },
  }, async (request) => store.read(async (tx: StoreTx) => {
    const { workspaceId } = request.principal;
    await loadTicket({ tx, workspaceId }, request.params.id);
    return { data: (await tx.approvals.forTicket(workspaceId, request.params.id)).map(presentApproval) };
  }));

  app.get('/v1/approvals', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['approvals'],
      summary: 'List approvals, newest first; `approver=me` keeps those the caller may still answer',
      querystring: ApprovalListQuery,
      response: { 200: PageOf(ApprovalOutput), ...errorResponses(400, 401) },
    },
  }, async (request) => store.read(async (tx) => {
    const { principal } = request;
    const q = request.query;
    const me = q.approver === 'me' ? await approverOf(tx, principal) : undefined;
    const page = await tx.approvals.list({
      workspaceId: principal.workspaceId, statuses: q.status ? [q.status] : undefined, ticketId: q.ticket, approver: me,
      after: decodeCursor(q.cursor), limit: q.limit ?? 50,
    });
    return pageBody(page, presentApproval);
  }));

  app.get('/v1/approvals/:id', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['approvals'], summary: 'One approval with its votes', params: IdParams,
      response: { 200: ApprovalOutput, ...errorResponses(401, 404) },
    },
  }, async (request) => presentApproval(await store.read((tx) => loadApproval({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  // A vote or a withdrawal needs no comment; a bare POST (no body at all) is the common call.
  const bodyOptional = async (request: { body: unknown }) => {
    request.body ??= {};
  };

  app.post('/v1/approvals/:id/approve', {
    config: { permission: 'tickets:write' },
    preValidation: bodyOptional,
    schema: {
      tags: ['approvals'], summary: 'Approve (one vote); enough approvals run the held actions and let the ticket go',
      params: IdParams, body: VoteBody, response: {
        200: ApprovalOutput, ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    },
  }, async (request) => vote(request.principal, request.params.id, 'approve', request.body.comment));

  app.post('/v1/approvals/:id/reject', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['approvals'], summary: 'Reject, with the reason in `comment`: the approval is rejected at once',
      params: IdParams, body: RejectBody, response: {
        200: ApprovalOutput, ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    },
  }, async (request) => vote(request.principal, request.params.id, 'reject', request.body.comment));

  app.post('/v1/approvals/:id/cancel', {
    config: { permission: 'tickets:write' },
    preValidation: bodyOptional,
    schema: {
      tags: ['approvals'], summary: 'Withdraw an awaiting approval: nothing it holds runs, the ticket is let go',
      params: IdParams, body: CancelBody, response: {
        200: ApprovalOutput, ...errorResponses(400, 401, 403, 404, 409),
      },
    },
  }, async (request) => presentApproval(await store.transaction((tx) =>
    cancelApprovalCommand(commandContext(services, request.principal, tx), request.params.id, request.body.comment ?? null))));
};

/** Whom `approver=me` stands for: the token's agent and its teams, the token's role and the roles below it. */
async function approverOf(tx: StoreTx, principal: Principal) {
  const agent = principal.agentId ? await tx.agents.get(principal.workspaceId, principal.agentId) : undefined;
  return { key: principal.agentId ?? voterKeyOf(principal), agentId: principal.agentId, teams: agent?.teams ?? [], roles: approverRolesOf(principal.role) };
}

/** Who votes when no agent does: the person (whichever of their sessions or tokens they use), else the token. */
function voterKeyOf(principal: Principal): string {
  return principal.userId ?? principal.tokenId;
}
