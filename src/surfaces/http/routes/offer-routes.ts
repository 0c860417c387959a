import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadAgent } from '../../../commands/agent-commands.js';
import { acceptOfferCommand, declineOfferCommand } from '../../../commands/routing/offer-commands.js';
import { roleAllows } from '../../../domain/auth/roles.js';
import type { Principal } from '../../../domain/auth/token.js';
import { fail } from '../../../domain/errors.js';
import { presentOffer } from '../../wire/routing/routing-presenter.js';
import { presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, errorResponses } from '../../wire/common-schemas.js';
import { AgentWorkOutput } from '../../wire/routing/routing-schemas.js';

/** Agent tokens answer their own offers; supervisors and admins may answer for anyone. */
function answeringAs(principal: Principal): string | null {
  if (roleAllows(principal.role, 'agents:write')) return null;
  if (!principal.agentId) throw fail('forbidden', 'Only a token bound to an agent can answer offers.');
  return principal.agentId;
}

/** Offers to accept or decline, and each agent's current work. */
export const offerRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.post('/v1/offers/:id/accept', {
    config: { permission: 'offers:answer' },
    schema: {
      tags: ['offers'],
      summary: 'Accept an offered ticket: it becomes yours',
      params: IdParams,
      response: { 200: Type.Ref('Ticket'), ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => {
    const ticket = await store.transaction((tx) =>
      acceptOfferCommand(commandContext(services, request.principal, tx), request.params.id, answeringAs(request.principal)));
    return presentTicket(ticket);
  });

  app.post('/v1/offers/:id/decline', {
    config: { permission: 'offers:answer' },
    schema: {
      tags: ['offers'],
      summary: 'Decline an offered ticket: it is offered to the next agent',
      params: IdParams,
      response: { 200: Type.Ref('Ticket'), ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => {
    const outcome = await store.transaction((tx) =>
      declineOfferCommand(commandContext(services, request.principal, tx), request.params.id, answeringAs(request.principal)));
    return presentTicket(outcome.ticket);
  });

  app.get('/v1/agents/:id/work', {
    config: { permission: 'agents:read' },
    schema: {
      tags: ['offers'],
      summary: 'An agent\'s work: tickets they hold and offers waiting for their answer',
      params: IdParams,
      response: { 200: AgentWorkOutput, ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    return store.read(async (tx) => {
      const agent = await loadAgent({ tx, workspaceId }, request.params.id);
      const held = await tx.tickets.list({ workspaceId, assigneeId: agent.id, statuses: ['assigned', 'in_progress', 'pending', 'on_hold'], limit: 200 });
      const offers = await tx.offers.pendingForAgent(workspaceId, agent.id);
      return { tickets: held.items.map((ticket) => presentTicket(ticket)), offers: offers.map(presentOffer) };
    });
  });
};
