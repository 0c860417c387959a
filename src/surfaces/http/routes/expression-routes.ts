import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { expressionEnvironment } from '../../../domain/expression/environment.js';
import { EDITOR_SCOPES } from '../../wire/expressions/expression-scopes.js';
import { customFieldUses } from '../../../domain/ticket/ticket-type.js';
import { ExpressionEnvironmentOutput } from '../../wire/expressions/expression-schemas.js';
import { errorResponses } from '../../wire/common-schemas.js';
import type { HttpServices } from '../services.js';

/** The expression environment, so editors can offer the fields and functions an expression may use. */
export const expressionRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get('/v1/expressions/environment', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['routing'],
      summary: 'Fields, custom fields and functions expressions may use',
      description: 'Every field path below `ticket`, `agent` and `now` with its type, each custom field the workspace\'s ticket types define (as `ticket.fields.<key>`), and the built-in functions and macros.',
      response: { 200: ExpressionEnvironmentOutput, ...errorResponses(401) },
    },
  }, async (request) => {
    const types = await services.store.read((tx) => tx.ticketTypes.list(request.principal.workspaceId));
    return expressionEnvironment(EDITOR_SCOPES, customFieldUses(types));
  });
};
