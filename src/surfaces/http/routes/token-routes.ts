import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createTokenCommand, revokeTokenCommand } from '../../../commands/workspace-commands.js';
import { ROLES } from '../../../domain/auth/roles.js';
import type { ApiToken } from '../../../domain/auth/token.js';
import { secretCodec } from '../auth.js';
import { presentToken } from '../../wire/tokens/token-presenter.js';
import { TokenOutput } from '../../wire/tokens/token-schemas.js';
import { commandContext, type HttpServices } from '../services.js';
import { Id, IdParams, Nullable, Strict, Text, errorResponses } from '../../wire/common-schemas.js';

/** API tokens of the workspace (admin only). The secret is shown once, at creation. */
export const tokenRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.post('/v1/tokens', {
    config: { permission: 'tokens:manage' },
    schema: {
      tags: ['tokens'],
      summary: 'Issue an API token',
      body: Strict({
        name: Text(100, 1),
        role: Type.Union(ROLES.map((r) => Type.Literal(r))),
        agent_id: Type.Optional(Nullable(Id)),
      }),
      response: { 201: Type.Intersect([TokenOutput, Type.Object({ secret: Type.String() })]), ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const { secret, token } = await store.transaction((tx) =>
      createTokenCommand(commandContext(services, request.principal, tx), secretCodec, {
        name: request.body.name, role: request.body.role, agentId: request.body.agent_id, userId: request.principal.userId,
      }));
    return reply.status(201).send({ ...presentToken(token), secret });
  });

  app.get('/v1/tokens', {
    config: { permission: 'tokens:manage' },
    schema: { tags: ['tokens'], summary: 'List API tokens', response: { 200: Type.Object({ data: Type.Array(TokenOutput) }) } },
  }, async (request) => {
    const tokens: ApiToken[] = await store.read((tx) => tx.tokens.list(request.principal.workspaceId));
    return { data: tokens.map(presentToken) };
  });

  app.delete('/v1/tokens/:id', {
    config: { permission: 'tokens:manage' },
    schema: { tags: ['tokens'], summary: 'Revoke an API token', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => revokeTokenCommand(commandContext(services, request.principal, tx), request.params.id));
    services.auth.forgetAll();
    return reply.status(204).send(null);
  });
};
