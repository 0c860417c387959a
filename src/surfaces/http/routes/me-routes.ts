import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { permissionsOf } from '../../../domain/auth/roles.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { MeOutput } from '../../wire/tokens/token-schemas.js';
import type { HttpServices } from '../services.js';

/** Who the caller is: the token's role, its agent and what it may do, so a client offers only that. */
export const meRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get('/v1/me', {
    config: { permission: 'authenticated' },
    schema: { tags: ['tokens'], summary: 'The caller: the person or token, role, agent and permissions', response: { 200: MeOutput, ...errorResponses(401) } },
  }, async (request) => {
    const { principal } = request;
    const user = principal.userId ? await services.store.read((tx) => tx.users.get(principal.userId!)) : undefined;
    return {
      workspace_id: principal.workspaceId,
      token_id: principal.tokenId,
      token_name: principal.name,
      user_id: principal.userId,
      email: user?.email ?? null,
      signed_in_with: principal.via,
      role: principal.role,
      agent_id: principal.agentId,
      permissions: [...permissionsOf(principal.role)],
    };
  });
};
