import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { fail } from '../../domain/errors.js';

/**
 * Caps each API token at `perMinute` requests a minute (a request without a token counts against
 * its address; 0 sets no cap); beyond it the answer is `429 rate_limited` with `Retry-After`.
 * Installed after access control, so the token is known. Routes may set limits of their own
 * (`config.rateLimit`, see `perAddressLimit`), which apply even without the cap. The count is per
 * process: behind a load balancer each node allows that many.
 */
export async function installRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    global: perMinute > 0,
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => (request.principal ? `token:${request.principal.tokenId}` : `address:${request.ip}`),
    errorResponseBuilder: (_request, context) => fail('rate_limited', `At most ${context.max} requests a minute per token; retry in ${context.after}.`, { retry_after_s: Math.ceil(context.ttl / 1000) }),
  });
}

/** A route's own limit of `perMinute` requests a minute from each client address (public routes have no token to count). */
export function perAddressLimit(perMinute: number): RateLimitOptions {
  return {
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `address:${request.ip}`,
    errorResponseBuilder: (_request, context) => fail('rate_limited', `At most ${context.max} requests a minute from one address; retry in ${context.after}.`, { retry_after_s: Math.ceil(context.ttl / 1000) }),
  };
}
