import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { addCommentCommand } from '../../../commands/add-comment.js';
import { linkTicketCommand } from '../../../commands/link-tickets.js';
import { loadTicket } from '../../../commands/load-ticket.js';
import { roleAllows } from '../../../domain/auth/roles.js';
import { fail } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { runIdempotent } from '../idempotency.js';
import { decodeCursor, decodeNumericCursor, pageBody } from '../pagination.js';
import { presentComment, presentEvent, presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { actorOf, commandContext, type HttpServices } from '../services.js';
import { IdParams, PageOf, errorResponses } from '../../wire/common-schemas.js';
import { CommentCreateBody, LinkInput, PageQuery } from '../../wire/tickets/ticket-schemas.js';

/** A ticket's conversation, links and history. */
export const conversationRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.post('/v1/tickets/:id/comments', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['conversation'],
      summary: 'Add a public reply or an internal note',
      params: IdParams,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
      body: CommentCreateBody,
      response: { 201: Type.Ref('Comment'), ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    const { principal, body } = request;
    let actor: Actor = actorOf(principal);
    if (body.author) {
      if (!roleAllows(principal.role, 'agents:write')) throw fail('forbidden', 'Only admin and supervisor tokens may post on someone else\'s behalf.');
      actor = { kind: body.author.kind, id: body.author.id ?? null, name: body.author.name ?? null };
    }
    const result = await runIdempotent(store, {
      workspaceId: principal.workspaceId,
      scope: `POST /v1/tickets/${request.params.id}/comments`,
      key: request.headers['idempotency-key'],
      body,
      now: services.clock.now(),
    }, async (tx) => {
      const { comment } = await addCommentCommand(commandContext(services, principal, tx, actor), request.params.id, {
        body: body.body,
        visibility: body.visibility ?? 'public',
      });
      return { status: 201, body: presentComment(comment) };
    });
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(result.status as 201).send(result.body as never);
  });

  app.get('/v1/tickets/:id/comments', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['conversation'],
      summary: 'The conversation, oldest first',
      params: IdParams,
      querystring: PageQuery,
      response: { 200: PageOf(Type.Ref('Comment')), ...errorResponses(400, 401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    const page = await store.read(async (tx) => {
      await loadTicket({ tx, workspaceId }, request.params.id);
      return tx.comments.list(workspaceId, request.params.id, decodeCursor(request.query.cursor), request.query.limit ?? 50);
    });
    return pageBody(page, presentComment);
  });

  app.get('/v1/tickets/:id/events', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['conversation'],
      summary: 'The ticket\'s full history: who did what, when, before and after',
      params: IdParams,
      querystring: PageQuery,
      response: { 200: PageOf(Type.Ref('Event')), ...errorResponses(400, 401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    const after = decodeNumericCursor(request.query.cursor);
    const page = await store.read(async (tx) => {
      await loadTicket({ tx, workspaceId }, request.params.id);
      return tx.events.listForTicket(workspaceId, request.params.id, after, request.query.limit ?? 50);
    });
    return pageBody(page, presentEvent);
  });

  app.post('/v1/tickets/:id/links', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['conversation'],
      summary: 'Link to another ticket: related, duplicate_of, or blocked_by',
      params: IdParams,
      body: LinkInput,
      response: { 200: Type.Ref('Ticket'), ...errorResponses(400, 401, 404, 422) },
    },
  }, async (request) => {
    const ticket = await store.transaction((tx) =>
      linkTicketCommand(commandContext(services, request.principal, tx), request.params.id, {
        kind: request.body.kind,
        ticketId: request.body.ticket_id,
      }));
    return presentTicket(ticket);
  });
};
