import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { totpCode } from '../src/domain/auth/totp.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { authenticatorCode, encodeBase32 } from './helpers/authenticator.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { GOOD_PASSWORD, addPerson, postSignIn, sessionCall, signInBrowser, type BrowserSession } from './helpers/sessions.js';

const STEP = 30_000;
const MINUTE = 60_000;

/** RFC 6238 appendix B: SHA-1, the ASCII key "12345678901234567890", 8 digits. */
const RFC_6238_VECTORS: [number, string][] = [
  [59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'], [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130'],
];

describe('the authenticator the tests use', () => {
  it('computes the codes of RFC 6238 appendix B, and the server agrees on their six-digit form', () => {
    const key = Buffer.from('12345678901234567890');
    for (const [seconds, code] of RFC_6238_VECTORS) {
      assert.equal(authenticatorCode(encodeBase32(key), seconds * 1000, 8), code, `T = ${seconds}`);
      assert.equal(totpCode(key, Math.floor(seconds / 30)), code.slice(2), `server at T = ${seconds}`);
    }
  });
});

for (const backend of BACKENDS) {
  describe(`two-factor sign-in (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      clock = new ManualClock(Date.parse('2026-03-02T09:00:10Z'));
      api = await startTestApi(backend, { clock });
    });
    after(() => api.close());

    /** A new minute: the per-minute sign-in counts start again. */
    const nextMinute = () => clock.advance(MINUTE);

    /** Enrols `email` from the profile and answers the secret and the recovery codes. */
    async function enrol(email: string): Promise<{ secret: string; recovery: string[] }> {
      const browser = await signInBrowser(api, email);
      const started = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor');
      assert.equal(started.status, 200, JSON.stringify(started.body));
      const confirmed = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor/confirm', { code: authenticatorCode(started.body.secret, clock.now()) });
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      clock.advance(STEP);
      return { secret: started.body.secret, recovery: confirmed.body.recovery_codes };
    }

    async function challengeFor(email: string, address = '127.0.0.1'): Promise<string> {
      const response = await postSignIn(api, { email, password: GOOD_PASSWORD }, {}, address);
      assert.equal(response.statusCode, 202, response.body);
      assert.equal(response.cookies.find((c) => c.name === 'sb_session'), undefined, 'no session before the second step');
      return response.json().challenge;
    }

    async function secondStep(challenge: string, code: string, address = '127.0.0.1') {
      return api.app.inject({ method: 'POST', url: '/v1/auth/sign-in/two-factor', payload: { challenge, code }, remoteAddress: address });
    }

    async function auditTypes(limit = 20): Promise<string[]> {
      return (await api.call('GET', `/v1/audit?limit=${limit}`)).body.data.map((e: { type: string; data: { reason?: string } }) => (e.data?.reason ? `${e.type}:${e.data.reason}` : e.type));
    }

    it('enrols from the profile with an otpauth URI and a QR code, confirms with a first code, and never shows the secret again', async () => {
      await addPerson(api, { email: 'tove@example.com', role: 'agent' });
      const browser = await signInBrowser(api, 'tove@example.com');
      const started = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor');
      assert.match(started.body.otpauth_uri, new RegExp(`^otpauth://totp/Switchboard:tove%40example\\.com\\?secret=${started.body.secret}&`));
      assert.match(started.body.qr_code, /^data:image\/svg\+xml;base64,/);
      assert.match(Buffer.from(started.body.qr_code.split(',')[1], 'base64').toString(), /<svg/);
      const pending = await sessionCall(api, browser, 'GET', '/v1/auth/two-factor');
      assert.deepEqual(pending.body, { enabled: false, pending: true, recovery_codes_left: 0, required: false });
      const wrong = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor/confirm', { code: authenticatorCode(started.body.secret, clock.now() + 5 * STEP) });
      assert.equal(wrong.body.error.code, 'two_factor_failed');
      const confirmed = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor/confirm', { code: authenticatorCode(started.body.secret, clock.now()) });
      assert.equal(confirmed.body.recovery_codes.length, 10);
      const status = await sessionCall(api, browser, 'GET', '/v1/auth/two-factor');
      assert.deepEqual(status.body, { enabled: true, pending: false, recovery_codes_left: 10, required: false });
      assert.ok(!JSON.stringify(status.body).includes(started.body.secret));
      const again = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor');
      assert.equal(again.body.error.code, 'two_factor_enabled');
      assert.ok((await auditTypes()).includes('user.two_factor_enabled'));
    });

    it('asks for the code after the password and accepts it one step either side, not two', async () => {
      const { secret } = await addPerson(api, { email: 'ulla@example.com', role: 'agent' }).then(() => enrol('ulla@example.com'));
      nextMinute();
      const skipped = await sessionCall(api, { cookies: {}, csrf: '', body: {} }, 'GET', '/v1/me');
      assert.equal(skipped.status, 401);
      const challenge = await challengeFor('ulla@example.com');
      assert.equal((await secondStep(challenge, authenticatorCode(secret, clock.now() + 2 * STEP))).json().error.code, 'two_factor_failed');
      assert.equal((await secondStep(challenge, authenticatorCode(secret, clock.now() - 2 * STEP))).statusCode, 401);
      assert.equal((await secondStep(`${challenge}x`, authenticatorCode(secret, clock.now()))).statusCode, 401, 'a forged challenge');
      const signedIn = await secondStep(challenge, authenticatorCode(secret, clock.now() - STEP));
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      assert.ok(signedIn.cookies.some((c) => c.name === 'sb_session'));
      assert.equal(signedIn.json().recovery_codes, undefined);
      assert.equal((await secondStep(challenge, authenticatorCode(secret, clock.now() + STEP))).statusCode, 401, 'a used challenge');
    });

    it('never accepts a code twice, nor one older than a code already accepted, nor after the step expires', async () => {
      const { secret } = await addPerson(api, { email: 'ines@example.com', role: 'agent' }).then(() => enrol('ines@example.com'));
      nextMinute();
      const code = authenticatorCode(secret, clock.now());
      assert.equal((await secondStep(await challengeFor('ines@example.com'), code)).statusCode, 200);
      const replayed = await secondStep(await challengeFor('ines@example.com'), code);
      assert.equal(replayed.json().error.code, 'two_factor_failed', 'the same code twice');
      const ahead = await secondStep(await challengeFor('ines@example.com'), authenticatorCode(secret, clock.now() + STEP));
      assert.equal(ahead.statusCode, 200, 'the next step is accepted once');
      const behind = await secondStep(await challengeFor('ines@example.com'), authenticatorCode(secret, clock.now() - STEP));
      assert.equal(behind.statusCode, 401, 'a step before one already accepted');
      nextMinute();
      const late = await challengeFor('ines@example.com');
      clock.advance(6 * MINUTE);
      assert.equal((await secondStep(late, authenticatorCode(secret, clock.now()))).statusCode, 401, 'an expired challenge');
    });

    it('takes each recovery code once', async () => {
      const { recovery } = await addPerson(api, { email: 'vera@example.com', role: 'agent' }).then(() => enrol('vera@example.com'));
      nextMinute();
      const first = await secondStep(await challengeFor('vera@example.com'), recovery[0]!.toLowerCase());
      assert.equal(first.statusCode, 200, first.body);
      const again = await secondStep(await challengeFor('vera@example.com'), recovery[0]!);
      assert.equal(again.json().error.code, 'two_factor_failed');
      const browser = await signInWithCode('vera@example.com', recovery[1]!);
      assert.equal((await sessionCall(api, browser, 'GET', '/v1/auth/two-factor')).body.recovery_codes_left, 8);
    });

    async function signInWithCode(email: string, code: string): Promise<BrowserSession> {
      const response = await secondStep(await challengeFor(email), code);
      assert.equal(response.statusCode, 200, response.body);
      return { cookies: Object.fromEntries(response.cookies.map((c) => [c.name, c.value])), csrf: response.json().csrf_token, body: response.json() };
    }

    it('counts wrong codes in the lockout and the per-minute throttle, and audits them', async () => {
      const { secret } = await addPerson(api, { email: 'wilma@example.com', role: 'agent' }).then(() => enrol('wilma@example.com'));
      nextMinute();
      const challenge = await challengeFor('wilma@example.com', '10.0.0.7');
      for (let i = 0; i < 5; i++) assert.equal((await secondStep(challenge, '000000', '10.0.0.7')).statusCode, 401);
      const paused = await secondStep(challenge, authenticatorCode(secret, clock.now()), '10.0.0.7');
      assert.equal(paused.json().error.code, 'two_factor_failed', 'the right code during the pause');
      const audit = await auditTypes(30);
      assert.ok(audit.includes('user.sign_in_failed:wrong_code') && audit.includes('user.sign_in_failed:locked'), audit.join());
      for (let i = 0; i < 3; i++) await secondStep(challenge, '000000', '10.0.0.7');
      const throttled = await secondStep(challenge, '000000', '10.0.0.7');
      assert.equal(throttled.statusCode, 429, 'the 11th attempt this minute (password included)');
      assert.ok(Number(throttled.headers['retry-after']) > 0);
    });

    it('sends a member whose role must have two-factor to enrolment after the password, before any session', async () => {
      nextMinute();
      await addPerson(api, { email: 'xena@example.com', role: 'agent' });
      await addPerson(api, { email: 'yrsa@example.com', role: 'viewer' });
      const policy = await api.call('PUT', '/v1/auth/two-factor-policy', { body: { required_roles: ['agent', 'admin'] } });
      assert.deepEqual(policy.body, { required_roles: ['admin', 'agent'] });
      assert.equal((await api.call('PUT', '/v1/auth/two-factor-policy', { body: { required_roles: ['owner'] } })).status, 400);
      assert.equal((await postSignIn(api, { email: 'yrsa@example.com', password: GOOD_PASSWORD })).statusCode, 200, 'viewers are not required');
      const response = await postSignIn(api, { email: 'xena@example.com', password: GOOD_PASSWORD });
      assert.equal(response.statusCode, 202);
      const { next, challenge } = response.json();
      assert.equal(next, 'enrol_two_factor');
      const notYet = await secondStep(challenge, '123456');
      assert.equal(notYet.json().error.code, 'two_factor_not_started');
      const enrolment = await api.app.inject({ method: 'POST', url: '/v1/auth/sign-in/enrolment', payload: { challenge } });
      assert.equal(enrolment.statusCode, 200, enrolment.body);
      const secret = enrolment.json().secret;
      assert.equal((await secondStep(challenge, authenticatorCode(secret, clock.now() + 3 * STEP))).statusCode, 401);
      const signedIn = await secondStep(challenge, authenticatorCode(secret, clock.now()));
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      assert.equal(signedIn.json().recovery_codes.length, 10);
      const browser = { cookies: Object.fromEntries(signedIn.cookies.map((c) => [c.name, c.value])), csrf: signedIn.json().csrf_token, body: {} };
      assert.deepEqual((await sessionCall(api, browser, 'GET', '/v1/auth/two-factor')).body, { enabled: true, pending: false, recovery_codes_left: 10, required: true });
      await api.call('PUT', '/v1/auth/two-factor-policy', { body: { required_roles: [] } });
    });

    it('switches off with the password and a code, and an admin clears a lost device', async () => {
      const { secret } = await addPerson(api, { email: 'zara@example.com', role: 'agent' }).then(() => enrol('zara@example.com'));
      nextMinute();
      const browser = await signInWithCode('zara@example.com', authenticatorCode(secret, clock.now()));
      clock.advance(STEP);
      const code = authenticatorCode(secret, clock.now());
      const wrongPassword = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor/disable', { password: 'not-the-password', code });
      assert.equal(wrongPassword.body.error.code, 'sign_in_failed');
      const wrongCode = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor/disable', { password: GOOD_PASSWORD, code: '999999' === code ? '888888' : '999999' });
      assert.equal(wrongCode.body.error.code, 'two_factor_failed');
      const off = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor/disable', { password: GOOD_PASSWORD, code });
      assert.equal(off.status, 204);
      const again = await sessionCall(api, browser, 'POST', '/v1/auth/two-factor/disable', { password: GOOD_PASSWORD, code });
      assert.equal(again.body.error.code, 'two_factor_not_started');
      nextMinute();
      assert.equal((await postSignIn(api, { email: 'zara@example.com', password: GOOD_PASSWORD })).statusCode, 200, 'no second step any more');
      const enrolledAgain = await enrol('zara@example.com');
      const member = (await api.call('GET', '/v1/users')).body.data.find((u: { email: string }) => u.email === 'zara@example.com');
      assert.equal((await api.call('DELETE', `/v1/users/${member.id}/two-factor`)).status, 204);
      assert.equal((await api.call('DELETE', `/v1/users/${member.id}/two-factor`)).body.error.code, 'two_factor_not_started');
      assert.ok(enrolledAgain.secret);
      nextMinute();
      assert.equal((await postSignIn(api, { email: 'zara@example.com', password: GOOD_PASSWORD })).statusCode, 200);
      const audit = await auditTypes(30);
      assert.ok(audit.includes('user.two_factor_disabled') && audit.includes('user.two_factor_reset'), audit.join());
    });

    it('does not let a password-reset link skip the second step', async () => {
      const { secret } = await addPerson(api, { email: 'anja@example.com', role: 'agent' }).then(() => enrol('anja@example.com'));
      nextMinute();
      const member = (await api.call('GET', '/v1/users')).body.data.find((u: { email: string }) => u.email === 'anja@example.com');
      const link = await api.call('POST', `/v1/users/${member.id}/password-reset`);
      const token = new URLSearchParams(link.body.path.split('?')[1]).get('token');
      const reset = await api.app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { workspace: 'main', token, password: 'copper-meadow-falcon-17' } });
      assert.equal(reset.statusCode, 202, reset.body);
      assert.equal(reset.cookies.find((c) => c.name === 'sb_session'), undefined);
      const done = await secondStep(reset.json().challenge, authenticatorCode(secret, clock.now()));
      assert.equal(done.statusCode, 200, done.body);
    });
  });
}
