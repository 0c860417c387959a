import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../src/domain/shared/clock.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { GOOD_PASSWORD, addPerson, postSignIn, sessionCall, signInBrowser } from './helpers/sessions.js';

const MINUTE = 60_000;

for (const backend of BACKENDS) {
  describe(`password sign-in and sessions (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
      api = await startTestApi(backend, { clock });
    });
    after(() => api.close());

    it('refuses short, common and own-address passwords, and never shows a hash', async () => {
      for (const password of ['short', 'password1234', 'Qwerty123456', 'weakling@example.com']) {
        const response = await api.call('POST', '/v1/users', { body: { email: 'weakling@example.com', name: 'W', role: 'agent', password } });
        assert.equal(response.status, 422, password);
        assert.equal(response.body.error.code, 'weak_password');
      }
      const created = await addPerson(api, { email: 'Ana@Example.com', role: 'agent' });
      assert.equal(created.email, 'ana@example.com');
      assert.equal(created.has_password, true);
      assert.ok(!JSON.stringify(created).includes('scrypt'));
      const again = await api.call('POST', '/v1/users', { body: { email: 'ana@example.com', name: 'Ana', role: 'viewer' } });
      assert.equal(again.body.error.code, 'user_exists');
    });

    it('gives an unknown address and a wrong password the same answer, and audits both', async () => {
      const wrong = await postSignIn(api, { email: 'ana@example.com', password: 'not-her-password-at-all', workspace: 'main' });
      const unknown = await postSignIn(api, { email: 'nobody@example.com', password: 'not-her-password-at-all', workspace: 'main' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.body, unknown.body);
      assert.equal(wrong.json().error.code, 'sign_in_failed');
      const audit = (await api.call('GET', '/v1/audit?limit=10')).body.data.map((e: { type: string; data: { reason?: string } }) => `${e.type}:${e.data?.reason}`);
      assert.ok(audit.includes('user.sign_in_failed:wrong_password') && audit.includes('user.sign_in_failed:unknown_user'), audit.join());
    });

    it('signs in with an HttpOnly SameSite=Lax cookie, acts as the person, and needs the CSRF token to write', async () => {
      const response = await postSignIn(api, { email: 'ANA@example.com', password: GOOD_PASSWORD });
      assert.equal(response.statusCode, 200, response.body);
      const cookie = response.cookies.find((c) => c.name === 'sb_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.notEqual(cookie.secure, true, 'plain http: no Secure flag');
      const session = await signInBrowser(api, 'ana@example.com');
      const me = await sessionCall(api, session, 'GET', '/v1/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.role, 'agent');
      const refused = await sessionCall(api, session, 'POST', '/v1/tickets', { title: 'Printer on fire' }, false);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'csrf_invalid');
      const forged = await sessionCall(api, { ...session, csrf: 'forged-token' }, 'POST', '/v1/tickets', { title: 'Printer on fire' });
      assert.equal(forged.body.error.code, 'csrf_invalid');
      const created = await sessionCall(api, session, 'POST', '/v1/tickets', { title: 'Printer on fire' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const events = (await api.call('GET', `/v1/tickets/${created.body.id}/events`)).body.data;
      assert.deepEqual({ kind: events[0].actor.kind, name: events[0].actor.name }, { kind: 'user', name: 'Ana' });
    });

    it('rotates the session at sign-in: the cookie held before no longer opens anything', async () => {
      const first = await signInBrowser(api, 'ana@example.com');
      const again = await postSignIn(api, { email: 'ana@example.com', password: GOOD_PASSWORD }, first.cookies);
      const second = Object.fromEntries(again.cookies.map((c) => [c.name, c.value]));
      assert.notEqual(second.sb_session, first.cookies.sb_session);
      assert.notEqual(second._csrf, first.cookies._csrf, 'a fresh CSRF secret');
      assert.notEqual(again.json().csrf_token, first.csrf);
    });

    it('lists sessions, signs out everywhere, and a signed-out cookie is refused', async () => {
      const phone = await signInBrowser(api, 'ana@example.com');
      const laptop = await signInBrowser(api, 'ana@example.com');
      const listed = await sessionCall(api, laptop, 'GET', '/v1/auth/sessions');
      assert.ok(listed.body.data.length >= 2);
      assert.equal(listed.body.data.filter((s: { current: boolean }) => s.current).length, 1);
      assert.equal((await sessionCall(api, laptop, 'DELETE', '/v1/auth/sessions')).status, 204);
      for (const browser of [phone, laptop]) assert.equal((await sessionCall(api, browser, 'GET', '/v1/me')).status, 401);
      assert.deepEqual((await signInBrowser(api, 'ana@example.com').then((s) => sessionCall(api, s, 'GET', '/v1/auth/sessions'))).body.data.length, 1);
    });

    it('ends a session after the idle time-out and at the absolute one, however busy', async () => {
      const idle = await signInBrowser(api, 'ana@example.com');
      clock.advance(31 * MINUTE);
      assert.equal((await sessionCall(api, idle, 'GET', '/v1/me')).status, 401);
      const busy = await signInBrowser(api, 'ana@example.com');
      // A request every 25 minutes for 700 minutes keeps it alive; at 725 it is past twelve hours.
      for (let step = 1; step <= 28; step++) {
        clock.advance(25 * MINUTE);
        assert.equal((await sessionCall(api, busy, 'GET', '/v1/me')).status, 200, `after ${step * 25} minutes`);
      }
      clock.advance(25 * MINUTE);
      assert.equal((await sessionCall(api, busy, 'GET', '/v1/me')).status, 401, 'past twelve hours');
    });

    it('refuses the 11th attempt in a minute before the password is checked, per account and per address', async () => {
      await addPerson(api, { email: 'bo@example.com', role: 'agent' });
      clock.advance(2 * MINUTE);
      const answers: number[] = [];
      for (let i = 0; i < 11; i++) answers.push((await postSignIn(api, { email: 'bo@example.com', password: `guess-number-${i}-xx`, workspace: 'main' }, {}, `10.0.0.${i}`)).statusCode);
      assert.deepEqual(answers, [...Array(10).fill(401), 429]);
      const refused = await postSignIn(api, { email: 'bo@example.com', password: GOOD_PASSWORD }, {}, '10.0.1.1');
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      // Only the ten attempts that were checked reached the audit log; the refused ones never got that far.
      const failures = (await api.call('GET', '/v1/audit?limit=100')).body.data.filter((e: { type: string; data: { email?: string } }) => e.type === 'user.sign_in_failed' && e.data.email === 'bo@example.com');
      assert.equal(failures.length, 10);
      const fromOneAddress: number[] = [];
      for (let i = 0; i < 11; i++) fromOneAddress.push((await postSignIn(api, { email: `stranger${i}@example.com`, password: 'whatever-it-is-1' }, {}, '10.9.9.9')).statusCode);
      assert.equal(fromOneAddress.at(-1), 429);
    });

    it('pauses an account after repeated wrong passwords, doubling the pause, and the right password waits too', async () => {
      await addPerson(api, { email: 'cy@example.com', role: 'viewer' });
      for (let i = 0; i < 5; i++) assert.equal((await postSignIn(api, { email: 'cy@example.com', password: `wrong-password-${i}` }, {}, `10.1.0.${i}`)).statusCode, 401);
      const attempt = (password: string, address: string) => postSignIn(api, { email: 'cy@example.com', password }, {}, address).then((r) => r.statusCode);
      assert.equal(await attempt(GOOD_PASSWORD, '10.1.1.1'), 401, 'paused for 30 s');
      clock.advance(31_000);
      assert.equal(await attempt('wrong-once-more', '10.1.1.2'), 401);
      clock.advance(31_000);
      assert.equal(await attempt(GOOD_PASSWORD, '10.1.1.3'), 401, 'the sixth failure pauses for 60 s');
      clock.advance(30_000);
      assert.equal(await attempt(GOOD_PASSWORD, '10.1.1.4'), 200);
      const reasons = (await api.call('GET', '/v1/audit?limit=20')).body.data
        .filter((e: { data: { email?: string } }) => e.data?.email === 'cy@example.com').map((e: { data: { reason: string } }) => e.data.reason);
      assert.deepEqual(reasons.filter((r: string) => r === 'locked').length, 2);
    });

    it('ends every session of a disabled person, and keeps one admin who can sign in', async () => {
      const boss = await addPerson(api, { email: 'dee@example.com', role: 'admin' });
      const browser = await signInBrowser(api, 'dee@example.com');
      const users = await sessionCall(api, browser, 'GET', '/v1/users');
      assert.ok(users.body.data.some((u: { email: string }) => u.email === 'ana@example.com'));
      const demote = await sessionCall(api, browser, 'PATCH', `/v1/users/${boss.id}`, { role: 'viewer' });
      assert.equal(demote.body.error.code, 'last_admin');
      const ana = users.body.data.find((u: { email: string }) => u.email === 'ana@example.com');
      const anaBrowser = await signInBrowser(api, 'ana@example.com');
      assert.equal((await sessionCall(api, browser, 'PATCH', `/v1/users/${ana.id}`, { disabled: true })).body.disabled, true);
      assert.equal((await sessionCall(api, anaBrowser, 'GET', '/v1/me')).status, 401);
      assert.equal((await postSignIn(api, { email: 'ana@example.com', password: GOOD_PASSWORD })).statusCode, 401);
    });

    it('changes a password only with the current one, and ends the other sessions', async () => {
      await addPerson(api, { email: 'eve@example.com', role: 'agent' });
      const here = await signInBrowser(api, 'eve@example.com');
      const there = await signInBrowser(api, 'eve@example.com');
      const wrong = await sessionCall(api, here, 'PUT', '/v1/auth/password', { current_password: 'not-the-password', new_password: 'quiet-meadow-copper-77' });
      assert.equal(wrong.status, 401);
      assert.equal((await sessionCall(api, here, 'PUT', '/v1/auth/password', { current_password: GOOD_PASSWORD, new_password: 'quiet-meadow-copper-77' })).status, 204);
      assert.equal((await sessionCall(api, here, 'GET', '/v1/me')).status, 200);
      assert.equal((await sessionCall(api, there, 'GET', '/v1/me')).status, 401);
      assert.equal((await signInBrowser(api, 'eve@example.com', 'quiet-meadow-copper-77')).body.role, 'agent');
    });

    it('brings the agent online at sign-in and offline when their last session ends', async () => {
      const agent = (await api.call('POST', '/v1/agents', { body: { name: 'Fia', status: 'offline' } })).body;
      await addPerson(api, { email: 'fia@example.com', name: 'Fia', role: 'agent', agent_id: agent.id });
      const presence = async () => (await api.call('GET', `/v1/agents/${agent.id}`)).body.status;
      const desk = await signInBrowser(api, 'fia@example.com', GOOD_PASSWORD, '10.2.0.1');
      assert.equal(await presence(), 'available');
      const laptop = await signInBrowser(api, 'fia@example.com', GOOD_PASSWORD, '10.2.0.2');
      assert.equal((await sessionCall(api, desk, 'POST', '/v1/auth/sign-out')).status, 204);
      assert.equal(await presence(), 'available', 'still signed in on the laptop');
      assert.equal((await sessionCall(api, laptop, 'POST', '/v1/auth/sign-out')).status, 204);
      assert.equal(await presence(), 'offline');
      const events = (await api.call('GET', '/v1/audit?limit=30')).body.data.filter((e: { type: string; entity: { id: string } }) => e.type === 'agent.presence_changed' && e.entity.id === agent.id);
      assert.deepEqual(events.map((e: { actor: { kind: string; name: string } }) => `${e.actor.kind}:${e.actor.name}`), ['agent:Fia', 'agent:Fia']);
    });
  });
}
