import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { PolicyBody } from '../wire/routing/routing-schemas.js';
import type { LazyCompilers } from './lazy-compilers.js';

// ajv-formats is published as CommonJS; its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** One thing wrong with a request part, as the wire error's `details.errors` lists it. */
export interface ValidationIssue {
  in: string;
  path: string;
  message: string | undefined;
}

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  // The schema request bodies refer to by $ref (the app adds it for the OpenAPI document too).
  // Known from the start, so a route's validator builds whichever route was built first.
  return ajv.addSchema(PolicyBody);
}

let bodyAjv: Ajv | undefined;

/**
 * Bodies are checked strictly (no type coercion, unknown keys refused); query strings and path
 * parameters arrive as text, so those are coerced to the schema's types. Each is built at its
 * route's first use (lazy-compilers.ts).
 */
export function installValidators(app: FastifyInstance, compilers: LazyCompilers): void {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => compilers.validator(() => (httpPart === 'body' ? strict : coercing).compile(schema)));
}

/** Checks a value the way a request body with this schema is checked; no issues means valid. */
export function bodyValidator(schema: TSchema): (value: unknown) => ValidationIssue[] {
  bodyAjv ??= makeAjv(false);
  const validate = bodyAjv.compile(schema);
  return (value) => (validate(value) ? [] : validationIssues(validate.errors ?? [], 'body'));
}

/** What Ajv (directly or through Fastify) reports for each failed check. */
interface SchemaError {
  instancePath: string;
  params?: unknown;
  message?: string;
}

/** Ajv's errors as wire issues; an unknown key is named in the path and the message. */
export function validationIssues(errors: readonly SchemaError[], context: string): ValidationIssue[] {
  return errors.map((issue) => {
    const extra = (issue.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    return {
      in: context,
      path: extra ? `${issue.instancePath}/${extra}` : issue.instancePath,
      message: extra ? `unknown field "${extra}"` : issue.message,
    };
  });
}
