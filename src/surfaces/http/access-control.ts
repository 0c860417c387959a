import type { FastifyInstance } from 'fastify';
import { roleAllows } from '../../domain/auth/roles.js';
import type { Principal } from '../../domain/auth/token.js';
import { fail } from '../../domain/errors.js';
import type { TokenAuthenticator } from './auth.js';
import './fastify-types.js';

/**
 * Every route names the permission it needs; this hook checks the bearer token and the role
 * before the body is even read. Routes without a permission are refused, so none is left open
 * by mistake.
 */
export function installAccessControl(app: FastifyInstance, auth: TokenAuthenticator): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission === 'public' || request.is404) return;
    if (permission === undefined) throw fail('forbidden', 'This route declares no permission.');
    request.principal = await auth.authenticate(request.headers.authorization);
    if (permission === 'authenticated') return;
    if (!roleAllows(request.principal.role, permission)) {
      throw fail('forbidden', `A ${request.principal.role} token may not do this (${permission}).`);
    }
  });
}
