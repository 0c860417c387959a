import {
  Type, type TLiteral, type TObject, type TOptional, type TProperties, type TSchema, type TUnion,
} from 'typebox';

/** A string with a length limit, the building block of every text field. */
export const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });

/** A value that may also be null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An object that refuses keys it does not name. */
export const Strict = <T extends Record<string, TSchema>>(properties: T, options: { description?: string; $id?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** The properties of `T` with only the `K` ones required. */
type RequiredOnly<T extends TProperties, K extends keyof T> = {
  [P in keyof T]: P extends K ? T[P] : TOptional<T[P]>;
};

/**
 * A create body over a resource's field set: the `required` fields must be sent, the others may be,
 * and unknown keys are refused.
 */
export function CreateBody<T extends TProperties, K extends keyof T & string>(
  fields: TObject<T>, required: readonly K[],
) {
  const properties = { ...Type.Partial(fields).properties, ...Type.Pick(fields, required).properties };
  // TypeBox cannot follow a spread over a generic field set; the properties are exactly these.
  return Strict(properties) as unknown as TObject<RequiredOnly<T, K>>;
}

/** A patch body over a resource's field set: every field may be sent, unknown keys are refused. */
export const PatchBody = <T extends TProperties>(fields: TObject<T>) =>
  Type.Partial(fields, { additionalProperties: false });

/** A free-form JSON object (custom fields, attributes); size is bounded by the body limit and depth check. */
export const FreeObject = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 });

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 date and time' });

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const IdParams = Strict({ id: Id });

/** The `Idempotency-Key` header of a create. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ description: 'Makes the create safe to retry (kept 24 hours).' })),
});

export const GeoPointSchema = Strict({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  address: Type.Optional(Nullable(Text(500))),
});

export const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });
export const Cursor = Type.String({ maxLength: 400 });

export const ErrorBody = Strict(
  {
    error: Strict({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown({ description: 'more about the mistake: its path, the allowed values, each error…' })),
    }),
  },
  { $id: 'Error', description: 'Every error has this shape; `code` is stable, `message` is for people.' },
);

/** The error responses a route can give, referenced by status. */
export function errorResponses(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref('Error')]));
}

/** The wire shape of a page of items. */
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), next_cursor: Nullable(Type.String()) });

/**
 * A JSON object the server keeps as a client wrote it and sends back (a policy, an automation's
 * action), typed as the domain's document. It is written out as stored: its body schema checked it
 * on the way in, and an answer schema as strict could only drop a field or fail on a document an
 * older version saved.
 */
export const Echo = <T>(description: string) => Type.Unsafe<T>({
  type: 'object', additionalProperties: true, description,
});

/** Who did something: an agent, a token, the system, a customer. */
export const ActorOutput = Type.Object({
  kind: Type.String(), id: Nullable(Type.String()), name: Nullable(Type.String()),
});

/** A list answer that is not paged. */
export const ListOf = <T extends TSchema>(item: T) => Type.Object({ data: Type.Array(item) });

type LiteralsOf<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };

/** One of a fixed list of strings. */
export const literals = <T extends readonly string[]>(values: T) =>
  // `map` loses the tuple, which would make the static type `never`: each member is its value's literal.
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<LiteralsOf<T>>;
