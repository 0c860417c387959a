import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deleteTicketTypeCommand, loadTicketType, saveTicketTypeCommand } from '../../../commands/ticket-types/ticket-type-commands.js';
import { fail } from '../../../domain/errors.js';
import { presentTicketType } from '../../wire/ticket-types/ticket-type-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { ListOf, errorResponses } from '../../wire/common-schemas.js';
import {
  TicketTypeBody, TicketTypeOutput, TicketTypeParams,
} from '../../wire/ticket-types/ticket-type-schemas.js';

/** Ticket types: the fields each kind of work asks for, checked at intake and shown on forms. */
export const ticketTypeRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/ticket-types', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['tickets'], summary: 'Every configured ticket type',
      response: { 200: ListOf(TicketTypeOutput), ...errorResponses(401) },
    },
  }, async (request) => ({ data: (await store.read((tx) => tx.ticketTypes.list(request.principal.workspaceId))).map(presentTicketType) }));

  app.get('/v1/ticket-types/:name', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['tickets'], summary: 'Get a ticket type', params: TicketTypeParams,
      response: { 200: TicketTypeOutput, ...errorResponses(401, 404) },
    },
  }, async (request) => presentTicketType(await store.read((tx) => loadTicketType({ tx, workspaceId: request.principal.workspaceId }, request.params.name))));

  app.put('/v1/ticket-types/:name', {
    config: { permission: 'workflows:write' },
    schema: {
      tags: ['tickets'],
      summary: 'Create or replace a ticket type',
      description: 'The body\'s `name` must match the path. Mistakes are a 422 `invalid_ticket_type` listing each with its path; nothing is saved.',
      params: TicketTypeParams,
      body: TicketTypeBody,
      response: { 200: TicketTypeOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => {
    if (request.body.name !== request.params.name) throw fail('validation_failed', 'The body names another type than the path.', { path: '/name' });
    const type = await store.transaction((tx) => saveTicketTypeCommand(commandContext(services, request.principal, tx), request.body));
    return presentTicketType(type);
  });

  app.delete('/v1/ticket-types/:name', {
    config: { permission: 'workflows:write' },
    schema: { tags: ['tickets'], summary: 'Delete a ticket type', params: TicketTypeParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => deleteTicketTypeCommand(commandContext(services, request.principal, tx), request.params.name));
    return reply.status(204).send(null);
  });
};
