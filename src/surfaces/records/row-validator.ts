import type { TObject } from 'typebox';
import { fail } from '../../domain/errors.js';
import { checkStorable } from '../http/json-body.js';
import { bodyValidator } from '../http/validation.js';
import { jsonSchema } from './json-schema.js';
import { rowProblem } from './row-problem.js';

/**
 * Checks one imported row with the API's own rules for a create body (the same schema, the same
 * strict Ajv, the same storable-text check) and returns it as that body. Keys the API only sends
 * out (`id`, `version`, timestamps…, found in the output schema but not the create schema) are
 * dropped first, so an export can be imported again. Throws `validation_failed` and friends.
 */
export function rowValidator<Body>(createSchema: TObject, outputSchema: TObject): (value: unknown) => Body {
  const validate = bodyValidator(createSchema);
  const readOnly = Object.keys(outputSchema.properties).filter((key) => !Object.hasOwn(createSchema.properties, key));
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw fail('validation_failed', 'A row must be an object.', { path: '' });
    }
    checkStorable(value);
    const body = Object.fromEntries(Object.entries(value).filter(([key]) => !readOnly.includes(key)));
    const issues = validate(body);
    if (issues.length > 0) {
      const { path, message } = rowProblem(issues, jsonSchema(createSchema));
      throw fail('validation_failed', message, { path, errors: issues });
    }
    return body as Body;
  };
}
