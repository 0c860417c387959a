import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { CreateBody, Echo, literals, PatchBody } from './common-schemas.js';

/** A schema as the JSON Schema it stands for. */
const json = (schema: object): Record<string, unknown> => JSON.parse(JSON.stringify(schema));

const Fields = Type.Object({
  title: Type.String({ minLength: 1 }),
  tags: Type.Array(Type.String()),
  version: Type.Integer({ minimum: 1 }),
});

describe('bodies derived from one field set', () => {
  it('a create body requires the named fields, keeps every limit and refuses unknown keys', () => {
    const Create = CreateBody(Type.Omit(Fields, ['version']), ['title']);
    assert.deepEqual(Create.required, ['title']);
    assert.equal(json(Create).additionalProperties, false);
    assert.ok(Value.Check(Create, { title: 'x' }));
    assert.ok(Value.Check(Create, { title: 'x', tags: ['a'] }));
    assert.ok(!Value.Check(Create, { tags: [] }), 'the title is required');
    assert.ok(!Value.Check(Create, { title: '' }), 'the limit stays');
    assert.ok(!Value.Check(Create, { title: 'x', version: 2 }), 'an omitted field is unknown');
  });

  it('a patch body makes every field optional and still refuses unknown keys', () => {
    const Patch = PatchBody(Fields);
    assert.equal(Patch.required, undefined);
    assert.ok(Value.Check(Patch, {}));
    assert.ok(Value.Check(Patch, { version: 3 }));
    assert.ok(!Value.Check(Patch, { version: 0 }));
    assert.ok(!Value.Check(Patch, { colour: 'red' }));
  });
});

describe('answer schema helpers', () => {
  it('literals is a choice of constants', () => {
    const Colour = literals(['red', 'green'] as const);
    assert.deepEqual(Colour.anyOf.map((member) => member.const), ['red', 'green']);
    assert.ok(Value.Check(Colour, 'green') && !Value.Check(Colour, 'blue'));
  });

  it('an echoed document is an open object with its description', () => {
    const expected = { type: 'object', additionalProperties: true, description: 'as written' };
    assert.deepEqual(json(Echo<{ a: number }>('as written')), expected);
  });
});
