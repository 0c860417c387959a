import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mergeTicketCommand } from '../../../commands/triage/merge-tickets.js';
import { summarizeTicket } from '../../../commands/triage/summarize-ticket.js';
import { presentTicket } from '../presenters/ticket-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, errorResponses } from '../schemas/common-schemas.js';
import { MergeBody, MergeOutput, SummaryOutput, SummaryQuery } from '../schemas/triage-text-schemas.js';

/** What triage reads from a ticket's text for agents: its summary; and merging a duplicate into the ticket it repeats. */
export const ticketTextRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/tickets/:id/summary', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['triage'],
      summary: 'An extractive summary of the description and the conversation',
      params: IdParams,
      querystring: SummaryQuery,
      response: { 200: SummaryOutput, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    const summary = await store.read((tx) => summarizeTicket({ tx, workspaceId }, request.params.id, request.query.sentences ?? 3));
    return {
      ticket_id: summary.ticketId,
      comments: summary.comments,
      sentences: summary.sentences.map((s) => ({
        text: s.text,
        score: s.score,
        position: s.index,
        source: { kind: s.source.kind, comment_id: s.source.commentId, visibility: s.source.visibility },
      })),
    };
  });

  app.post('/v1/tickets/:id/merge', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['triage'],
      summary: 'Merge this ticket into another: copy its conversation there, link it duplicate_of, close it',
      params: IdParams,
      body: MergeBody,
      response: { 200: MergeOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const outcome = await store.transaction((tx) =>
      mergeTicketCommand(commandContext(services, request.principal, tx), request.params.id, request.body.into));
    return { merged: presentTicket(outcome.merged), target: presentTicket(outcome.target), comments: outcome.comments };
  });
};
