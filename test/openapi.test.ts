import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

interface JsonSchema {
  type?: unknown;
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const SAYS_WHAT = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'const', 'enum', 'description'];

/**
 * The places in a schema that say nothing of what they hold: no type, reference, choice or constant,
 * not even a description. The values of free-form maps (`additionalProperties`) are not walked:
 * custom fields are any JSON on purpose.
 */
function untyped(schema: JsonSchema, path: string): string[] {
  const described = SAYS_WHAT.some((key) => key in schema);
  const found = described ? [] : [path || '/'];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    found.push(...untyped(property, `${path}/${name}`));
  }
  if (schema.items) found.push(...untyped(schema.items, `${path}/items`));
  const members = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  for (const [i, member] of members.entries()) found.push(...untyped(member, `${path}/${i}`));
  return found;
}

/** What is wrong with an operation's success answers: none declared, or one whose body is not described. */
function problems(operation: Operation): string[] {
  const successes = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
  if (successes.length === 0) return ['no 2xx answer'];
  return successes.flatMap(([status, response]) => {
    if (status === '204') return [];
    const contents = Object.entries(response.content ?? {});
    if (contents.length === 0) return [`${status}: no body schema`];
    return contents.flatMap(([type, { schema }]) =>
      (schema ? untyped(schema, '') : ['/']).map((path) => `${status} ${type}: untyped at ${path}`));
  });
}

// The document is the same on every backend: one shows it.
describe('the OpenAPI document', () => {
  let api: TestApi;
  let doc: OpenApiDocument;
  before(async () => {
    api = await startTestApi(BACKENDS[0]!);
    doc = (await api.call('GET', '/openapi.json', { token: '' })).body;
  });
  after(() => api.close());

  it('describes every success answer of every operation', () => {
    const found = Object.entries(doc.paths).flatMap(([path, operations]) =>
      METHODS.filter((method) => operations[method]).flatMap((method) =>
        problems(operations[method]!).map((problem) => `${method.toUpperCase()} ${path} ${problem}`)));
    assert.deepEqual(found, []);
  });

  it('describes every part of the shared schemas answers refer to', () => {
    const found = Object.entries(doc.components.schemas).flatMap(([name, schema]) => untyped(schema, name));
    assert.deepEqual(found, []);
  });

  it('builds every route\'s request validators and response serializers (built at first use otherwise)', () => {
    const built = api.app.buildAllSchemas();
    assert.ok(built > api.app.routePermissions.size, `${built} validators and serializers for ${api.app.routePermissions.size} routes`);
    assert.equal(api.app.buildAllSchemas(), 0, 'each is built once');
  });

  it('builds a route\'s validator whichever route was built first (a body that refers to a shared schema, first of all)', async () => {
    const fresh = await startTestApi(BACKENDS[0]!);
    try {
      const refused = await fresh.call('POST', '/v1/simulations', { body: { policies: { A: { queues: 'none' } } } });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
    } finally {
      await fresh.close();
    }
  });

  it('finds an untyped answer when there is one', () => {
    const answering = (schema: JsonSchema): Operation =>
      ({ responses: { 200: { content: { 'application/json': { schema } } } } });
    assert.deepEqual(problems(answering({})), ['200 application/json: untyped at /']);
    const page = { type: 'object', properties: { data: { type: 'array', items: {} } } };
    assert.deepEqual(problems(answering(page)), ['200 application/json: untyped at /data/items']);
    assert.deepEqual(problems(answering({ description: 'any JSON the field holds' })), []);
    assert.deepEqual(problems({ responses: { 400: {} } }), ['no 2xx answer']);
  });
});
