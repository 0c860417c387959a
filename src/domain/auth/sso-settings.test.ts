import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issuerProblem, roleFromClaims, ssoRefusal, verifiedEmail } from './sso-settings.js';

const MAPPING = { roleClaim: 'groups', roleMap: { staff: 'agent', 'desk-leads': 'supervisor', root: 'admin' } as const, defaultRole: 'viewer' as const };

describe('single sign-on: who comes in, as what', () => {
  it('takes only an address the provider verified, lower-cased', () => {
    assert.equal(verifiedEmail({ email: ' Ana@Example.COM ', email_verified: true }), 'ana@example.com');
    assert.equal(verifiedEmail({ email: 'ana@example.com', email_verified: 'true' }), 'ana@example.com');
    for (const claims of [{ email: 'ana@example.com' }, { email: 'ana@example.com', email_verified: false }, { email_verified: true }, { email: ['a@example.com'], email_verified: true }]) {
      assert.equal(verifiedEmail(claims), null, JSON.stringify(claims));
    }
  });

  it('lets in exactly the allowed domains, not their subdomains or look-alikes', () => {
    const settings = { allowedDomains: ['example.com'] };
    const claims = (email: string) => ({ email, email_verified: true });
    assert.equal(ssoRefusal(claims('ana@example.com'), settings), null);
    for (const email of ['ana@mail.example.com', 'ana@example.com.evil.org', 'ana@evilexample.com', '"ana@example.com"@evil.org']) {
      assert.equal(ssoRefusal(claims(email), settings), 'sso_domain_not_allowed', email);
    }
    assert.equal(ssoRefusal({ email: 'ana@example.com', email_verified: false }, settings), 'sso_email_unverified');
  });

  it('maps the role claim to the most trusted role any value gives, else the default', () => {
    assert.equal(roleFromClaims({ groups: ['staff', 'desk-leads'] }, MAPPING), 'supervisor');
    assert.equal(roleFromClaims({ groups: 'root' }, MAPPING), 'admin');
    assert.equal(roleFromClaims({ groups: ['visitors'] }, MAPPING), 'viewer');
    assert.equal(roleFromClaims({}, MAPPING), 'viewer');
    assert.equal(roleFromClaims({ groups: ['constructor', 'toString', '__proto__'] }, MAPPING), 'viewer', 'no inherited keys');
    assert.equal(roleFromClaims({ realm_access: { roles: ['root'] } }, { ...MAPPING, roleClaim: 'realm_access.roles' }), 'admin');
    assert.equal(roleFromClaims({ groups: ['root'] }, { ...MAPPING, roleClaim: null }), 'viewer');
  });

  it('wants an https issuer, or plain http on loopback only', () => {
    assert.equal(issuerProblem('https://id.example.com/realms/desk'), null);
    assert.equal(issuerProblem('http://127.0.0.1:8443'), null);
    assert.equal(issuerProblem('http://localhost:9000'), null);
    for (const url of ['http://id.example.com', 'http://10.0.0.5', 'ftp://id.example.com', 'not a url', 'https://user:pw@id.example.com', 'https://id.example.com/?x=1']) {
      assert.notEqual(issuerProblem(url), null, url);
    }
  });
});
