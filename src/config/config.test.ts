import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('configuration lists', () => {
  it('reads the trusted proxies as a comma-separated list, and names the variable of a bad entry', () => {
    assert.deepEqual(loadConfig({}).trustProxy, []);
    assert.deepEqual(loadConfig({ SWITCHBOARD_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,,::1' }).trustProxy, ['127.0.0.1', '10.0.0.0/8', '::1']);
    assert.throws(() => loadConfig({ SWITCHBOARD_TRUST_PROXY: '127.0.0.1,proxy.example.com' }),
      (error: Error) => error instanceof ConfigError && /SWITCHBOARD_TRUST_PROXY \(trustProxy\)/.test(error.message));
  });
});
