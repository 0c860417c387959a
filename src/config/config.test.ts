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

describe('the PostgreSQL pool', () => {
  it('keeps 20 connections unless told, and refuses a size that is not a whole number from 1', () => {
    assert.equal(loadConfig({}).databasePoolSize, 20);
    assert.equal(loadConfig({ SWITCHBOARD_DATABASE_POOL_SIZE: '8' }).databasePoolSize, 8);
    for (const bad of ['0', '2.5', 'many']) {
      assert.throws(() => loadConfig({ SWITCHBOARD_DATABASE_POOL_SIZE: bad }),
        (error: Error) => error instanceof ConfigError && /SWITCHBOARD_DATABASE_POOL_SIZE \(databasePoolSize\)/.test(error.message));
    }
  });
});
