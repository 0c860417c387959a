import type { FastifyRequest } from 'fastify';

/** Where secrets can appear in what the server logs; pino replaces each with "[Redacted]". */
const SECRET_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'req.headers["idempotency-key"]',
  '*.secret', '*.token', '*.password', '*.aiKey', '*.apiKey',
];

/**
 * The server's logger settings at a level: JSON lines; each request with its method, URL, client
 * address and headers (for tracing a client's problem), secrets redacted.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): object {
  return {
    level,
    redact: SECRET_PATHS,
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: request.url, remoteAddress: request.ip, headers: { ...request.headers } }),
    },
    ...(stream ? { stream } : {}),
  };
}
