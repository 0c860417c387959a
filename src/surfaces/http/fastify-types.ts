import type { Permission } from '../../domain/auth/roles.js';
import type { Principal } from '../../domain/auth/token.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route needs; `public` routes need no token, `authenticated` ones any valid token. */
    permission?: Permission | 'public' | 'authenticated';
  }
  interface FastifyRequest {
    principal: Principal;
    /** True when a `metrics:scrape` route was called with the configured scrape token (there is no principal then). */
    scraper: boolean;
  }
}
