import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { fail } from '../../domain/errors.js';

/** Where `npm run build:web` puts the dashboard, seen from the compiled module (dist/src/surfaces/http). */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

/**
 * Only the dashboard's own files may run or be fetched: no inline script or style, no other
 * origin, no framing, no plugins. Ticket text is rendered as text, and this policy is the second
 * line of defence should that ever slip.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries, API or page. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });
}

/**
 * Serves the built dashboard at `/` with its content security policy. Only files that exist when
 * the server starts are routed (no catch-all), so unknown paths still get the API's JSON 404.
 */
export const dashboardRoutes: FastifyPluginAsync<{ root: string | null }> = async (app, { root }) => {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, permission: 'public' };
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
  });
  if (root === null || !existsSync(join(root, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async () => {
      throw fail('route_not_found', 'The dashboard is not built: run `npm run build:web` (npm start does it).');
    });
    return;
  }
  portalPages(app, root);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    decorateReply: false,
    cacheControl: false,
    setHeaders(res, path) {
      // Built assets carry a hash of their content in the name; the page itself must be checked each time.
      res.setHeader('cache-control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
};

/** The requester portal's addresses, as e-mails link to them; each is the one portal page, which reads the address. */
const PORTAL_PAGES = ['/portal/:workspace', '/portal/:workspace/status/:token', '/portal/:workspace/unsubscribe/:token'];

/** Serves the portal's page (its own bundle, no token needed) at its addresses, when it is built. */
function portalPages(app: FastifyInstance, root: string): void {
  const file = join(root, 'portal.html');
  if (!existsSync(file)) return;
  const page = readFileSync(file, 'utf8');
  for (const url of PORTAL_PAGES) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page));
  }
}
