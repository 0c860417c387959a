import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { ValidateFunction } from 'ajv';

/** A validator Fastify can call: it reads `errors` from the function after a `false`. */
export type LazyValidator = ((data: unknown) => boolean) & { errors?: ValidateFunction['errors'] };

type SerializerFactory = ReturnType<typeof SerializerSelector>;

/**
 * One app's request validators and response serializers, each built at its route's first use
 * rather than when the app starts. Building them all took most of a start's CPU (Ajv and
 * fast-json-stringify generate code for some two hundred routes, ~1.2 s on a quiet core); a
 * process now builds code only for the routes it serves, and the first request to a route pays
 * its few milliseconds. `buildAll` builds the rest at once: `test/openapi.test.ts` calls it, so a
 * schema that cannot be built fails a test rather than a route's first request.
 */
export class LazyCompilers {
  private readonly unbuilt = new Set<() => void>();

  /** The validator `compile` makes, made at its first call. */
  validator(compile: () => ValidateFunction): LazyValidator {
    let validate: ValidateFunction | undefined;
    const build = (): ValidateFunction => {
      this.unbuilt.delete(build);
      validate ??= compile();
      return validate;
    };
    this.unbuilt.add(build);
    const check: LazyValidator = (data) => {
      const built = validate ?? build();
      const valid = built(data) as boolean;
      check.errors = built.errors;
      return valid;
    };
    return check;
  }

  /** Fastify's own serializer factory (fast-json-stringify), each route's serializer made at its first reply. */
  serializers(): SerializerFactory {
    const selector = SerializerSelector();
    return (externalSchemas, options) => {
      const compile = selector(externalSchemas, options);
      return (route) => {
        let serialize: ((doc: unknown) => string) | undefined;
        const build = () => {
          this.unbuilt.delete(build);
          serialize ??= compile(route);
          return serialize;
        };
        this.unbuilt.add(build);
        return (doc) => (serialize ?? build())(doc);
      };
    };
  }

  /** Builds every validator and serializer not built yet; returns how many. */
  buildAll(): number {
    const pending = [...this.unbuilt];
    for (const build of pending) build();
    return pending.length;
  }
}
