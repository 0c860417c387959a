import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mergeTicketCommand } from '../../../commands/triage/merge-tickets.js';
import { findDuplicatesCommand } from '../../../commands/triage/find-duplicates.js';
import { ticketSummaryCommand } from '../../../commands/triage/summarize-ticket.js';
import { presentDuplicates, presentSummary } from '../../wire/ticket-text/ticket-text-presenter.js';
import { presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { commandContext, triageOf, type HttpServices } from '../services.js';
import { IdParams, errorResponses } from '../../wire/common-schemas.js';
import {
  DuplicatesOutput, DuplicatesQuery, MergeBody, MergeOutput, SummaryOutput, SummaryQuery,
} from '../../wire/ticket-text/ticket-text-schemas.js';

/** What triage reads from a ticket's text for agents: its summary, its likely duplicates; and merging a duplicate into the ticket it repeats. */
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
    const summary = await ticketSummaryCommand(store, request.principal, request.params.id, request.query.sentences ?? 3, triageOf(services));
    return presentSummary(summary);
  });

  app.get('/v1/tickets/:id/duplicates', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['triage'],
      summary: 'Open tickets whose text is nearly the same as this one, most similar first',
      description: "The intake check run again now, with the workspace's duplicate scope and threshold; changes nothing.",
      params: IdParams,
      querystring: DuplicatesQuery,
      response: { 200: DuplicatesOutput, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    const found = await store.read((tx) => findDuplicatesCommand({ tx, workspaceId }, request.params.id, request.query.limit ?? 5));
    return presentDuplicates(request.params.id, found);
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
