import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { decodeNumericCursor, pageBody } from '../pagination.js';
import { presentEvent } from '../../wire/tickets/ticket-presenter.js';
import type { HttpServices } from '../services.js';
import { PageOf, errorResponses } from '../../wire/common-schemas.js';
import { PageQuery } from '../../wire/tickets/ticket-schemas.js';

/** The audit log: who changed the workspace's set-up, when, from what to what. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get('/v1/audit', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['tokens'],
      summary: 'Changes to the workspace\'s set-up, newest first',
      description: 'Every change that is not to a ticket: routing policy versions, tokens issued and revoked, agents, SLA policies and business hours, escalation, automations, canned responses. Each names its actor and carries what changed.',
      querystring: PageQuery,
      response: { 200: PageOf(Type.Ref('Event')), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const before = decodeNumericCursor(request.query.cursor);
    const page = await services.store.read((tx) => tx.events.listAdministrative(request.principal.workspaceId, before, request.query.limit ?? 50));
    return pageBody(page, presentEvent);
  });
};
