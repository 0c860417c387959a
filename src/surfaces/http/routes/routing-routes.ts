import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dryRunCommand } from '../../../commands/routing/dry-run.js';
import { rollbackPolicyCommand, savePolicyCommand } from '../../../commands/routing/policy-commands.js';
import { loadTicket } from '../../../commands/load-ticket.js';
import { fail } from '../../../domain/errors.js';
import type { PolicyDocument } from '../../../domain/routing/policy.js';
import { presentDryRun, presentPolicy, presentRouting } from '../../wire/routing/routing-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, ListOf, errorResponses } from '../../wire/common-schemas.js';
import {
  DryRunBody, ExplanationOutput, PolicyBody, PolicyOutput, RollbackBody, TicketRoutingOutput,
} from '../../wire/routing/routing-schemas.js';
import { draftFromBody } from '../../wire/tickets/ticket-input.js';

/** The routing policy (versioned, with rollback), the dry run, and each ticket's routing explanation. */
export const routingRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/routing/policy', {
    config: { permission: 'routing:read' },
    schema: { tags: ['routing'], summary: 'The routing policy in force', response: { 200: PolicyOutput, ...errorResponses(401, 404) } },
  }, async (request) => {
    const saved = await store.read((tx) => tx.policies.current(request.principal.workspaceId));
    if (!saved) throw fail('policy_version_not_found', 'This workspace has no routing policy yet.');
    return presentPolicy(saved);
  });

  app.put('/v1/routing/policy', {
    config: { permission: 'routing:write' },
    schema: {
      tags: ['routing'],
      summary: 'Replace the routing policy (saved as a new version)',
      description: 'The whole policy is checked first; any mistake is a 422 `invalid_policy` listing every error with its path and, for expressions, its position. The policy in force then stays as it was.',
      body: PolicyBody,
      response: { 200: PolicyOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => {
    const saved = await store.transaction((tx) => savePolicyCommand(commandContext(services, request.principal, tx), request.body as PolicyDocument));
    services.routing.invalidate(request.principal.workspaceId);
    return presentPolicy(saved);
  });

  app.get('/v1/routing/policy/versions', {
    config: { permission: 'routing:read' },
    schema: {
      tags: ['routing'], summary: 'Every saved version, newest first',
      response: { 200: ListOf(PolicyOutput), ...errorResponses(401) },
    },
  }, async (request) => ({ data: (await store.read((tx) => tx.policies.list(request.principal.workspaceId))).map(presentPolicy) }));

  app.post('/v1/routing/policy/rollback', {
    config: { permission: 'routing:write' },
    schema: {
      tags: ['routing'],
      summary: 'Restore an earlier version (as a new version)',
      body: RollbackBody,
      response: { 200: PolicyOutput, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => {
    const saved = await store.transaction((tx) => rollbackPolicyCommand(commandContext(services, request.principal, tx), request.body.version));
    services.routing.invalidate(request.principal.workspaceId);
    return presentPolicy(saved);
  });

  app.post('/v1/routing/dry-run', {
    config: { permission: 'routing:read' },
    schema: {
      tags: ['routing'],
      summary: 'Where would this ticket go, and why? Changes nothing.',
      description: 'Give a ticket as for `POST /v1/tickets`, and optionally a draft policy to try instead of the one in force.',
      body: DryRunBody,
      response: { 200: ExplanationOutput, ...errorResponses(400, 401, 422) },
    },
  }, async (request) => {
    const decision = await store.read((tx) =>
      dryRunCommand(commandContext(services, request.principal, tx), draftFromBody(request.body.ticket), request.body.policy as PolicyDocument | undefined));
    return presentDryRun(decision);
  });

  app.get('/v1/tickets/:id/routing', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['routing'],
      summary: 'Why the ticket went where it went: its routing state and every decision with its explanation',
      params: IdParams,
      response: { 200: TicketRoutingOutput, ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    return store.read(async (tx) => {
      const ticket = await loadTicket({ tx, workspaceId }, request.params.id);
      return presentRouting(ticket, await tx.decisions.listForTicket(workspaceId, ticket.id, 50));
    });
  });
};
