import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signLink, verifyLink } from './signed-link.js';

const key = Buffer.alloc(32, 7);
const claims = { purpose: 'status' as const, subject: 'tkt_1', expiresAt: 2_000 };

describe('signed requester links', () => {
  it('grants its claims until it expires', () => {
    const token = signLink(key, claims);
    assert.deepEqual(verifyLink(key, token, 'status', 1_999), { ok: true, claims });
    assert.deepEqual(verifyLink(key, token, 'status', 2_000), { ok: false, reason: 'expired' });
  });

  it('refuses another key, another purpose, and any edited part', () => {
    const token = signLink(key, claims);
    assert.equal(verifyLink(Buffer.alloc(32, 8), token, 'status', 0).ok, false);
    assert.equal(verifyLink(key, token, 'unsubscribe', 0).ok, false);
    const [version, , mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify(['status', 'tkt_2', 2_000])).toString('base64url');
    assert.deepEqual(verifyLink(key, `${version}.${forged}.${mac}`, 'status', 0), { ok: false, reason: 'invalid' });
    for (const broken of ['', 'v1', 'v1..', `${token}.x`, token.slice(0, -2), `v2${token.slice(2)}`]) {
      assert.deepEqual(verifyLink(key, broken, 'status', 0), { ok: false, reason: 'invalid' }, broken);
    }
  });
});
