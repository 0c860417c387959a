import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody } from './helpers/http.js';
import { RedirectClient } from './helpers/redirect-client.js';
import { addPerson } from './helpers/sessions.js';
import { SSO_SETTINGS, signInThroughProvider, startSsoDesk, type SsoDesk } from './helpers/sso.js';

const ACCOUNTS = {
  alice: { email: 'Alice@Example.com', email_verified: true, name: 'Alice Lead', groups: ['staff', 'desk-leads'] },
  bob: { email: 'bob@example.com', email_verified: true, name: 'Bob from the IdP' },
  carol: { email: 'carol@elsewhere.org', email_verified: true, name: 'Carol' },
  dave: { email: 'dave@example.com', email_verified: false, name: 'Dave' },
  erin: { email: 'erin@example.com', email_verified: true, name: 'Erin' },
  impostor: { email: 'erin@example.com', email_verified: true, name: 'Not Erin' },
};

/** What the browser's session cookie opens: GET /v1/me as that browser. */
async function whoAmI(desk: SsoDesk, client: RedirectClient): Promise<JsonBody> {
  const response = await client.request(`${desk.base}/v1/me`);
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

async function auditTypes(desk: SsoDesk): Promise<string[]> {
  const audit = (await desk.api.call('GET', '/v1/audit?limit=50')).body.data as { type: string; data?: { reason?: string } }[];
  return audit.map((event) => (event.data?.reason ? `${event.type}:${event.data.reason}` : event.type));
}

for (const backend of BACKENDS) {
  describe(`single sign-on through a real OpenID provider (${backend.name})`, () => {
    let desk: SsoDesk;
    before(async () => {
      desk = await startSsoDesk(backend, ACCOUNTS);
    });
    after(() => desk.close());

    it('makes the account on first sign-in with the mapped role, and re-uses it the second time', async () => {
      const first = new RedirectClient();
      const landed = await signInThroughProvider(desk, first, 'alice');
      assert.equal(landed.href, `${desk.base}/`);
      assert.ok(first.cookie(desk.base, 'sb_session'), 'the session cookie is set');
      assert.equal(first.cookie(desk.base, 'sb_sso'), undefined, 'the pending sign-in is gone');
      const me = await whoAmI(desk, first);
      assert.equal(me.role, 'supervisor');
      assert.equal(me.signed_in_with, 'session');
      const members = (await desk.api.call('GET', '/v1/users')).body.data as JsonBody[];
      const alice = members.filter((m) => m.email === 'alice@example.com');
      assert.equal(alice.length, 1);
      assert.deepEqual([alice[0].name, alice[0].role, alice[0].has_password, alice[0].single_sign_on], ['Alice Lead', 'supervisor', false, true]);
      assert.ok(members.filter((m) => m.email !== 'alice@example.com').every((m) => m.single_sign_on === false), 'only the provider\'s people are bound');

      const second = new RedirectClient();
      await signInThroughProvider(desk, second, 'alice');
      assert.equal((await whoAmI(desk, second)).user_id, me.user_id);
      const again = (await desk.api.call('GET', '/v1/users')).body.data as JsonBody[];
      assert.equal(again.length, members.length, 'no second account');
      const audit = await auditTypes(desk);
      assert.equal(audit.filter((t) => t === 'user.signed_in').length, 2);
      assert.equal(audit.filter((t) => t === 'user.added').length, 1);
      const vouched = (await desk.api.call('GET', '/v1/audit?limit=50')).body.data.filter((e: JsonBody) => e.type === 'user.sso_verified');
      assert.deepEqual(vouched.map((e: JsonBody) => [e.data.issuer, e.data.subject, e.data.joined]), [
        [desk.provider.issuer, 'alice', false], [desk.provider.issuer, 'alice', true],
      ]);
    });

    it('matches an existing person by verified e-mail, keeps their role, and refuses them once disabled', async () => {
      const bob = await addPerson(desk.api, { email: 'bob@example.com', name: 'Bob', role: 'viewer' });
      const client = new RedirectClient();
      await signInThroughProvider(desk, client, 'bob');
      const me = await whoAmI(desk, client);
      assert.deepEqual([me.user_id, me.email, me.role, me.token_name], [bob.id, 'bob@example.com', 'viewer', 'Bob']);
      assert.equal((await desk.api.call('PATCH', `/v1/users/${bob.id}`, { body: { disabled: true } })).status, 200);
      const refused = new RedirectClient();
      assert.equal((await signInThroughProvider(desk, refused, 'bob')).search, '?sso_error=sso_failed');
      assert.equal(refused.cookie(desk.base, 'sb_session'), undefined);
      assert.ok((await auditTypes(desk)).includes('user.sign_in_failed:disabled'));
    });

    it('keeps a person their account when the provider changes their address, and refuses another subject with it', async () => {
      const first = new RedirectClient();
      await signInThroughProvider(desk, first, 'erin');
      const erin = await whoAmI(desk, first);
      ACCOUNTS.erin.email = 'erin.renamed@example.com';
      const renamed = new RedirectClient();
      await signInThroughProvider(desk, renamed, 'erin');
      assert.deepEqual([(await whoAmI(desk, renamed)).user_id, (await whoAmI(desk, renamed)).email], [erin.user_id, 'erin@example.com']);
      const impostor = new RedirectClient();
      assert.equal((await signInThroughProvider(desk, impostor, 'impostor')).search, '?sso_error=sso_failed');
      assert.equal(impostor.cookie(desk.base, 'sb_session'), undefined);
      assert.ok((await auditTypes(desk)).includes('user.sign_in_failed:subject_changed'));
      ACCOUNTS.erin.email = 'erin@example.com';
    });

    it('refuses a domain that is not allowed and an unverified address, with the code on the sign-in page', async () => {
      for (const [login, code] of [['carol', 'sso_domain_not_allowed'], ['dave', 'sso_email_unverified']] as const) {
        const client = new RedirectClient();
        const landed = await signInThroughProvider(desk, client, login);
        assert.equal(landed.href, `${desk.base}/?sso_error=${code}`);
        assert.equal(client.cookie(desk.base, 'sb_session'), undefined);
        assert.ok((await auditTypes(desk)).includes(`user.sign_in_failed:${code}`), code);
      }
      const members = (await desk.api.call('GET', '/v1/users')).body.data as JsonBody[];
      assert.ok(!members.some((m) => m.email === 'carol@elsewhere.org' || m.email === 'dave@example.com'));
    });

    it('refuses an answer whose state or nonce is not this browser\'s', async () => {
      const stranger = new RedirectClient();
      const forged = await stranger.follow(`${desk.base}/v1/auth/sso/callback?code=stolen&state=guess`, {}, () => true);
      assert.equal(forged.url.search, '?sso_error=sso_state_mismatch');

      const tamper = (field: 'state' | 'nonce') => (client: RedirectClient) => () => {
        const pending = JSON.parse(Buffer.from(client.cookie(desk.base, 'sb_sso')!, 'base64url').toString());
        client.setCookie(desk.base, 'sb_sso', Buffer.from(JSON.stringify({ ...pending, [field]: 'not-the-one-sent' })).toString('base64url'));
      };
      for (const field of ['state', 'nonce'] as const) {
        const client = new RedirectClient();
        const landed = await signInThroughProvider(desk, client, 'alice', tamper(field)(client));
        assert.equal(landed.search, `?sso_error=sso_${field}_mismatch`);
        assert.equal(client.cookie(desk.base, 'sb_session'), undefined);
      }
    });

    it('shows admins the settings without the secret, refuses others and bad issuers, and turns off', async () => {
      const shown = await desk.api.call('GET', '/v1/sso/settings');
      assert.equal(shown.status, 200);
      assert.equal(shown.body.client_secret_set, true);
      assert.equal(shown.body.callback_url, `${desk.base}/v1/auth/sso/callback`);
      assert.ok(!JSON.stringify(shown.body).includes(desk.provider.clientSecret));
      const supervisor = await desk.api.token('supervisor');
      assert.equal((await desk.api.call('GET', '/v1/sso/settings', { token: supervisor })).body.error.code, 'forbidden');
      const body = { ...SSO_SETTINGS, issuer_url: 'http://idp.example.net', client_id: 'x' };
      const insecure = await desk.api.call('PUT', '/v1/sso/settings', { body });
      assert.deepEqual([insecure.status, insecure.body.error.code], [422, 'invalid_value']);
      const buttons = (await fetch(`${desk.base}/v1/auth/sso`).then((r) => r.json())) as JsonBody;
      assert.deepEqual(buttons.data, [{ workspace: 'main', display_name: 'Example ID', start_url: '/v1/auth/sso/main/start' }]);
      assert.equal((await desk.api.call('DELETE', '/v1/sso/settings')).status, 204);
      const landed = await signInThroughProvider(desk, new RedirectClient(), 'alice');
      assert.equal(landed.search, '?sso_error=sso_not_configured');
      assert.equal((await desk.api.call('GET', '/v1/sso/settings')).body.error.code, 'sso_not_configured');
    });
  });
}

describe('single sign-on under a flood of starts and answers from one address', () => {
  it('counts starts and answers per address and refuses past the limit before asking any provider', async () => {
    const api = await startTestApi(BACKENDS[0]!, { accounts: { signInPerMinute: 2 } });
    try {
      const landing = async (url: string) => (await api.app.inject({ method: 'GET', url, remoteAddress: '10.1.2.3' })).headers.location;
      const starts = [];
      for (let i = 0; i < 3; i += 1) starts.push(await landing('/v1/auth/sso/main/start'));
      assert.deepEqual(starts, ['/?sso_error=sso_not_configured', '/?sso_error=sso_not_configured', '/?sso_error=rate_limited']);
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await landing('/v1/auth/sso/callback?code=x&state=y'));
      assert.deepEqual(answers, ['/?sso_error=sso_state_mismatch', '/?sso_error=sso_state_mismatch', '/?sso_error=rate_limited']);
      const elsewhere = await api.app.inject({ method: 'GET', url: '/v1/auth/sso/main/start', remoteAddress: '10.1.2.4' });
      assert.equal(elsewhere.headers.location, '/?sso_error=sso_not_configured', 'another address is not held back');
    } finally {
      await api.close();
    }
  });
});
