import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../src/domain/shared/clock.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { GOOD_PASSWORD, addPerson, sessionCall } from './helpers/sessions.js';

const DAY = 24 * 3600_000;

/** The workspace and token of a link path such as `/#/accept-invitation?workspace=…&token=…`. */
function linkParts(path: string): { workspace: string; token: string } {
  const query = new URLSearchParams(path.split('?')[1]);
  return { workspace: query.get('workspace')!, token: query.get('token')! };
}

for (const backend of BACKENDS) {
  describe(`invitation links (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
      api = await startTestApi(backend, { clock });
    });
    after(() => api.close());

    const accept = (body: object) => api.app.inject({ method: 'POST', url: '/v1/auth/accept-invitation', payload: body });

    it('lets the invited person set a first password once, and signs them in', async () => {
      const invited = await addPerson(api, { email: 'fay@example.com', role: 'agent', password: undefined });
      assert.equal(invited.has_password, false);
      const link = await api.call('POST', `/v1/users/${invited.id}/invitation`);
      assert.equal(link.status, 201);
      assert.equal(link.body.mailed, false, 'without mail the link is only shown to the admin');
      assert.match(link.body.path, /^\/#\/accept-invitation\?workspace=main&token=/);
      const parts = linkParts(link.body.path);
      assert.equal((await accept({ ...parts, password: 'password1234' })).json().error.code, 'weak_password', 'a refused password leaves the link usable');
      const accepted = await accept({ ...parts, password: GOOD_PASSWORD });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const cookies = Object.fromEntries(accepted.cookies.map((c) => [c.name, c.value]));
      const me = await sessionCall(api, { cookies, csrf: accepted.json().csrf_token, body: null }, 'GET', '/v1/me');
      assert.equal(me.body.user_id, invited.id);
      const again = await accept({ ...parts, password: 'another-fine-password-9' });
      assert.equal(again.statusCode, 403);
      assert.equal(again.json().error.code, 'link_invalid');
      const audit = (await api.call('GET', '/v1/audit?limit=5')).body.data.map((e: { type: string }) => e.type);
      assert.ok(audit.includes('user.invitation_accepted'), audit.join());
    });

    it('refuses an expired, altered or foreign link', async () => {
      const invited = await addPerson(api, { email: 'gus@example.com', role: 'viewer', password: undefined });
      const parts = linkParts((await api.call('POST', `/v1/users/${invited.id}/invitation`)).body.path);
      const altered = `${parts.token.slice(0, -2)}${parts.token.endsWith('AA') ? 'BB' : 'AA'}`;
      assert.equal((await accept({ ...parts, token: altered, password: GOOD_PASSWORD })).json().error.code, 'link_invalid');
      assert.equal((await accept({ ...parts, workspace: 'nowhere', password: GOOD_PASSWORD })).json().error.code, 'link_invalid');
      await api.otherWorkspace('elsewhere');
      assert.equal((await accept({ ...parts, workspace: 'elsewhere', password: GOOD_PASSWORD })).json().error.code, 'link_invalid');
      clock.advance(8 * DAY);
      const expired = await accept({ ...parts, password: GOOD_PASSWORD });
      assert.equal(expired.statusCode, 410);
      assert.equal(expired.json().error.code, 'link_expired');
    });

    it('resets a password by a one-hour link that dies with the password it was made for', async () => {
      const person = await addPerson(api, { email: 'hal@example.com', role: 'agent' });
      const reset = await api.call('POST', `/v1/users/${person.id}/password-reset`);
      assert.match(reset.body.path, /^\/#\/reset-password\?workspace=main&token=/);
      const parts = linkParts(reset.body.path);
      const asInvitation = await accept({ ...parts, password: 'another-fine-password-9' });
      assert.equal(asInvitation.json().error.code, 'link_invalid', 'a reset link is not an invitation');
      const send = (password: string) => api.app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { ...parts, password } });
      assert.equal((await send('another-fine-password-9')).statusCode, 200);
      assert.equal((await send('yet-another-password-10')).json().error.code, 'link_invalid');
      const stale = linkParts((await api.call('POST', `/v1/users/${person.id}/password-reset`)).body.path);
      clock.advance(61 * 60_000);
      assert.equal((await api.app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { ...stale, password: 'yet-another-password-10' } })).statusCode, 410);
      const invited = (await api.call('POST', `/v1/users/${person.id}/invitation`));
      assert.equal(invited.status, 422, 'no invitation for someone with a password');
    });
  });
}
