import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ERROR_CODES } from '../src/domain/errors.js';

const apiDoc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

/** The `| code | status | when |` rows of the errors table in docs/api.md. */
function documentedCodes(): Map<string, number> {
  const rows = new Map<string, number>();
  for (const match of apiDoc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)) rows.set(match[1]!, Number(match[2]));
  return rows;
}

describe('the error registry', () => {
  it('is documented in docs/api.md, code by code, with the same statuses', () => {
    const documented = documentedCodes();
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      assert.equal(documented.get(code), status, `docs/api.md should list ${code} with status ${status}`);
    }
    assert.deepEqual([...documented.keys()].sort(), Object.keys(ERROR_CODES).sort(), 'docs/api.md lists codes that do not exist');
  });

  it('uses snake_case codes and 4xx statuses for everything but internal_error', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      assert.match(code, /^[a-z]+(_[a-z]+)*$/);
      if (code !== 'internal_error') assert.ok(status >= 400 && status < 500, `${code} should be a client error`);
    }
  });
});
