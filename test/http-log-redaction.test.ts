import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { loggerOptions } from '../src/surfaces/http/log-options.js';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

describe('server logs', () => {
  let api: TestApi;
  const lines: string[] = [];
  before(async () => {
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    api = await startTestApi(BACKENDS[0]!, { logger: loggerOptions('trace', stream) });
  });
  after(() => api.close());

  it('record each request with its headers but never a token, cookie or idempotency key', async () => {
    const created = expectStatus(await api.call('POST', '/v1/tokens', { body: { name: 'secretive', role: 'viewer' }, headers: { 'idempotency-key': 'key-that-is-secret', cookie: 'session=cookie-secret', 'user-agent': 'log-test/1.0' } }), 201);
    await api.call('GET', '/v1/tickets', { token: 'sb_wrong_token_that_must_not_be_logged' });
    const log = lines.join('');
    assert.match(log, /log-test\/1\.0/, 'request headers are logged');
    for (const secret of [api.admin, created.secret as string, 'sb_wrong_token_that_must_not_be_logged', 'cookie-secret', 'key-that-is-secret']) {
      assert.ok(!log.includes(secret), `the log holds a secret: ${secret.slice(0, 12)}…`);
    }
    assert.match(log, /\[Redacted\]/);
  });
});
