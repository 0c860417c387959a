import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

describe('rate limits', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi(BACKENDS[0]!, { rateLimitPerMinute: 5 });
  });
  after(() => api.close());

  it('answers 429 rate_limited with Retry-After once a token has made its requests for the minute, and counts each token apart', async () => {
    for (let i = 0; i < 5; i++) expectStatus(await api.call('GET', '/v1/tickets'), 200);
    const refused = await api.call('GET', '/v1/tickets');
    const details = assertError(refused, 429, 'rate_limited');
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After: ${String(refused.headers['retry-after'])}`);
    assert.equal(details.retry_after_s, retryAfter);
    const other = await api.token('viewer');
    expectStatus(await api.call('GET', '/v1/tickets', { token: other }), 200);
  });
});
