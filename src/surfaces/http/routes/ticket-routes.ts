import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { gatherIntakeFacts } from '../../../commands/intake/intake-facts.js';
import { submitTicketCommand } from '../../../commands/intake/submit-ticket.js';
import { enrichDraft } from '../../../commands/crm/enrich-customer.js';
import { loadTicket } from '../../../commands/load-ticket.js';
import { updateTicketCommand } from '../../../commands/update-ticket.js';
import { slaRemainingQuery } from '../../../commands/sla/sla-remaining.js';
import { fail } from '../../../domain/errors.js';
import { TICKET_STATUSES, type TicketStatus } from '../../../domain/ticket/status.js';
import { PRIORITIES, type Priority } from '../../../domain/ticket/ticket.js';
import { runIdempotent } from '../idempotency.js';
import { decodeCursor } from '../pagination.js';
import { answerPage } from '../pages/answer-page.js';
import { presentTicket, presentTicketWithSlaClocks } from '../../wire/tickets/ticket-presenter.js';
import { commandContext, intakeSourcesOf, type HttpServices } from '../services.js';
import { IdParams, IdempotencyHeaders, PageOf, errorResponses } from '../../wire/common-schemas.js';
import { TicketCreateBody, TicketListQuery, TicketPatchBody } from '../../wire/tickets/ticket-schemas.js';
import { draftFromBody, patchFromBody } from '../../wire/tickets/ticket-input.js';

/** Create, read, list and change tickets. */
export const ticketRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.post('/v1/tickets', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['tickets'],
      summary: 'Create a ticket',
      headers: IdempotencyHeaders,
      body: TicketCreateBody,
      response: { 201: Type.Ref('Ticket'), ...errorResponses(400, 401, 403, 409, 413, 422) },
    },
  }, async (request, reply) => {
    const { principal } = request;
    // Asked before the transaction: a slow CRM, the text reading and the set-up must not hold the write lock.
    const draft = await enrichDraft(services.crm ?? null, draftFromBody(request.body));
    const facts = await store.read((tx) => gatherIntakeFacts(intakeSourcesOf(services), tx, principal.workspaceId, draft, services.clock.now()));
    const result = await runIdempotent(store, {
      workspaceId: principal.workspaceId,
      scope: 'POST /v1/tickets',
      key: request.headers['idempotency-key'],
      body: request.body,
      now: services.clock.now(),
    }, async (tx) => {
      const { ticket } = await submitTicketCommand(commandContext(services, principal, tx), draft, facts);
      return { status: 201, body: presentTicket(ticket) };
    });
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    const body = result.body as { id: string };
    return reply.status(result.status as 201).header('location', `/v1/tickets/${body.id}`).send(body);
  });

  app.get('/v1/tickets', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['tickets'],
      summary: 'List tickets, newest first, with filters',
      querystring: TicketListQuery,
      response: { 200: PageOf(Type.Ref('Ticket')), ...errorResponses(400, 401) },
    },
  }, async (request, reply) => {
    const q = request.query;
    return answerPage(services, reply, { kind: 'tickets', query: {
      workspaceId: request.principal.workspaceId,
      statuses: parseList(q.status, TICKET_STATUSES, 'status') as TicketStatus[] | undefined,
      priorities: parseList(q.priority, PRIORITIES, 'priority') as Priority[] | undefined,
      queue: q.queue,
      assigneeId: q.assignee === undefined ? undefined : q.assignee === 'none' ? null : q.assignee,
      type: q.type,
      tag: q.tag,
      customer: q.customer,
      text: q.q,
      after: decodeCursor(q.cursor),
      limit: q.limit ?? 50,
    } });
  });

  app.get('/v1/tickets/:id', {
    config: { permission: 'tickets:read' },
    schema: { tags: ['tickets'], summary: 'Get a ticket', params: IdParams, response: { 200: Type.Ref('Ticket'), ...errorResponses(401, 404) } },
  }, async (request) => {
    const { ticket, remaining, approval } = await store.read(async (tx) => {
      const ticket = await loadTicket({ tx, workspaceId: request.principal.workspaceId }, request.params.id);
      const approval = (await tx.approvals.latestFor(request.principal.workspaceId, [ticket.id])).get(ticket.id) ?? null;
      return { ticket, remaining: await slaRemainingQuery(tx, ticket, services.clock.now()), approval };
    });
    return presentTicketWithSlaClocks(ticket, remaining, approval);
  });

  app.patch('/v1/tickets/:id', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['tickets'],
      summary: 'Change a ticket (status, priority, assignee, fields…)',
      description: 'Send `version` (or an `If-Match` header) to apply the change only to the version you read.',
      params: IdParams,
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      body: TicketPatchBody,
      response: { 200: Type.Ref('Ticket'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { version, ...rest } = request.body;
    const expected = version ?? parseIfMatch(request.headers['if-match']);
    const ticket = await store.transaction((tx) =>
      updateTicketCommand(commandContext(services, request.principal, tx), request.params.id, patchFromBody(rest), expected));
    return presentTicket(ticket);
  });
};

/** Parses `a,b,c` into values that must each be one of `allowed`. */
function parseList(value: string | undefined, allowed: readonly string[], name: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length > 0) {
    throw fail('validation_failed', `Unknown ${name} ${unknown.join(', ')}.`, { in: 'querystring', path: `/${name}`, allowed });
  }
  return items;
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw fail('validation_failed', 'If-Match carries the ticket version, e.g. "3".', { in: 'headers', path: 'if-match' });
  return Number(match[1]);
}
