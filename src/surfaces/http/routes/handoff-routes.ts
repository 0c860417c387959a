import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { handoffCommand } from '../../../commands/handoff/handoff-command.js';
import { loadTicket } from '../../../commands/load-ticket.js';
import { fail } from '../../../domain/errors.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import { customerFromBody } from '../../wire/tickets/ticket-input.js';
import { fromIso } from '../../wire/time.js';
import { presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { presentHandoff } from '../../wire/workflows/workflow-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, errorResponses } from '../../wire/common-schemas.js';
import { HandoffBody, HandoffOutput, HandoffOutcomeOutput } from '../../wire/workflows/workflow-schemas.js';

/** AI → human hand-off: a bot posts the conversation; people read the packet on the ticket. */
export const handoffRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.post('/v1/handoffs', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['handoff'],
      summary: 'Hand a bot conversation over to a person',
      description: 'Creates a chat ticket for the conversation (201) or updates its open ticket (200), stores the hand-off packet on it, and routes it to a person.',
      body: HandoffBody,
      response: {
        200: HandoffOutcomeOutput, 201: HandoffOutcomeOutput, ...errorResponses(400, 401, 403, 409, 422),
      },
    },
  }, async (request, reply) => {
    const body = request.body;
    const outcome = await store.transaction((tx) => handoffCommand(commandContext(services, request.principal, tx), {
      conversationId: body.conversation_id,
      mode: body.mode,
      reason: body.reason ?? null,
      botName: body.bot?.name ?? null,
      confidence: body.confidence,
      intent: body.intent ?? null,
      transcript: body.transcript.map((m) => ({ from: m.from, text: m.text, at: fromIso(m.at) ?? null })),
      attempts: (body.attempts ?? []).map((a) => ({ action: a.action, outcome: a.outcome ?? 'failed', detail: a.detail ?? null })),
      customer: customerFromBody(body.customer) ?? null,
      customerData: (body.customer_data ?? {}) as JsonObject,
      title: body.title,
      priority: body.priority,
      queue: body.queue,
      tags: body.tags,
      fields: body.fields as JsonObject | undefined,
    }));
    const presented = { ticket: presentTicket(outcome.ticket), handoff: presentHandoff(outcome.ticket.id, outcome.packet) };
    return reply.status(outcome.created ? 201 : 200).send(presented);
  });

  app.get('/v1/tickets/:id/handoff', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['handoff'], summary: 'The ticket\'s hand-off packet', params: IdParams,
      response: { 200: HandoffOutput, ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    const packet = await store.read(async (tx) => {
      await loadTicket({ tx, workspaceId }, request.params.id);
      return tx.workflow.handoffs.forTicket(workspaceId, request.params.id);
    });
    if (!packet) throw fail('handoff_not_found', `Ticket ${request.params.id} was not handed over by a bot.`);
    return presentHandoff(request.params.id, packet);
  });
};
