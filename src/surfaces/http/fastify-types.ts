import type { Permission } from '../../domain/auth/roles.js';
import type { Principal } from '../../domain/auth/token.js';

/** The permission a route needs; `public` routes need no token, `authenticated` ones any valid token. */
export type RoutePermission = Permission | 'public' | 'authenticated' | undefined;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    principal: Principal;
    /** True when a `metrics:scrape` route was called with the configured scrape token (there is no principal then). */
    scraper: boolean;
  }
  interface FastifyInstance {
    /** Each route ("METHOD /url") and the permission it declared, as access control enforces it. */
    routePermissions: ReadonlyMap<string, RoutePermission>;
    /** Builds every route's validators and serializers not built yet (they are built at first use); returns how many. */
    buildAllSchemas(): number;
  }
}
