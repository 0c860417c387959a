import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, ERROR_CODES, type ErrorCode } from '../../domain/errors.js';
import { validationIssues } from './validation.js';

interface WireError {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_CSRF_INVALID_TOKEN: 'csrf_invalid',
  FST_CSRF_MISSING_SECRET: 'csrf_invalid',
};

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'route_not_found',
  405: 'method_not_allowed',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function coded(code: ErrorCode, message?: string, details?: unknown): WireError {
  return { status: ERROR_CODES[code].status, code, message: message ?? ERROR_CODES[code].message, details };
}

/** The one boundary between what went wrong and what the client is told. */
export function toWireError(error: unknown): WireError {
  if (error instanceof DomainError) return coded(error.code, error.message, error.details);
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    const context = fastifyError.validationContext ?? 'body';
    return coded('validation_failed', `The ${context} does not match the schema.`, {
      errors: validationIssues(fastifyError.validation, context),
    });
  }
  const byCode = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (byCode) return coded(byCode);
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) return coded(BY_STATUS[status] ?? 'validation_failed');
  return coded('internal_error');
}

/** Sends every error in the one wire shape; only unexpected ones are logged, with their stack. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const wire = toWireError(error);
    if (wire.status >= 500) request.log.error({ err: error }, 'request failed');
    const body = { error: { code: wire.code, message: wire.message, ...(wire.details === undefined ? {} : { details: wire.details }) } };
    void reply.status(wire.status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'route_not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });
}
