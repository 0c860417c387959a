import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { setPreferencesCommand } from '../../../commands/users/preferences.js';
import { fail } from '../../../domain/errors.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { presentMe } from '../../wire/tokens/me-presenter.js';
import { MeOutput, MePatchBody } from '../../wire/tokens/token-schemas.js';
import { commandContext, type HttpServices } from '../services.js';

/**
 * Who the caller is: the token's role, its agent and what it may do, so a client offers only that;
 * and the person's own language and time zone, which they change here.
 */
export const meRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get('/v1/me', {
    config: { permission: 'authenticated' },
    schema: { tags: ['tokens'], summary: 'The caller: the person or token, role, agent and permissions', response: { 200: MeOutput, ...errorResponses(401) } },
  }, async (request) => {
    const { principal } = request;
    const user = principal.userId ? await services.store.read((tx) => tx.users.get(principal.userId!)) : undefined;
    return presentMe(principal, user);
  });

  app.patch('/v1/me', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['tokens'], summary: 'Change my dashboard language and time zone', body: MePatchBody,
      response: { 200: MeOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => {
    const { principal } = request;
    const userId = principal.userId;
    if (!userId) throw fail('forbidden', 'Only a signed-in person, or a token a person owns, has a language and a time zone.');
    const { language, time_zone: timeZone } = request.body;
    const member = await services.store.transaction((tx) => setPreferencesCommand(commandContext(services, principal, tx), userId, { language, timeZone }));
    return presentMe(principal, member.user);
  });
};
