import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { roleAllows } from '../../domain/auth/roles.js';
import type { Principal } from '../../domain/auth/token.js';
import { fail } from '../../domain/errors.js';
import type { TokenAuthenticator } from './auth.js';
import type { SessionAuthenticator } from './session-auth.js';
import { sessionSecretOf } from './session-cookies.js';
import type { RoutePermission } from './fastify-types.js';

/**
 * Every route names the permission it needs; this hook checks the bearer token (or, without one,
 * the session cookie) and the role before the body is even read. Routes without a permission are refused, so none is left open
 * by mistake.
 */
export function installAccessControl(app: FastifyInstance, auth: TokenAuthenticator, scrapeToken: string | null = null, sessions: SessionAuthenticator | null = null): void {
  // Read when asked: a plugin's own onRoute hook (the dashboard's) may set the permission after this one ran.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => { routes.push(route); });
  app.decorate('routePermissions', {
    getter: () => new Map<string, RoutePermission>(routes.flatMap((route) => [route.method].flat()
      .filter((method) => method !== 'HEAD')
      .map((method) => [`${method} ${route.url}`, route.config?.permission]))),
  });
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('scraper', false);
  const isScrapeToken = scrapeTokenCheck(scrapeToken);
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission === 'public' || request.is404) return;
    if (permission === undefined) throw fail('forbidden', 'This route declares no permission.');
    if (permission === 'metrics:scrape' && isScrapeToken(request.headers.authorization)) {
      request.scraper = true;
      return;
    }
    const sessionSecret = request.headers.authorization === undefined && sessions ? sessionSecretOf(request) : undefined;
    request.principal = sessionSecret === undefined ? await auth.authenticate(request.headers.authorization) : await sessions!.authenticate(sessionSecret);
    if (permission === 'authenticated') return;
    if (!roleAllows(request.principal.role, permission)) {
      throw fail('forbidden', `A ${request.principal.role} ${request.principal.via === 'session' ? 'user' : 'token'} may not do this (${permission}).`);
    }
  });
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The configured Prometheus scrape token, which opens only `metrics:scrape` routes (for every
 * workspace). Compared as digests in constant time; with none configured nothing matches.
 */
function scrapeTokenCheck(token: string | null): (header: string | undefined) => boolean {
  if (token === null) return () => false;
  const expected = digest(token);
  return (header) => {
    const secret = /^Bearer\s+(\S{1,200})$/i.exec(header ?? '')?.[1];
    return secret !== undefined && timingSafeEqual(digest(secret), expected);
  };
}
