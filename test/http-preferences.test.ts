import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACKENDS } from './helpers/backends.js';
import { assertError } from './helpers/api-fixtures.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { addPerson, sessionCall, signInBrowser, type BrowserSession } from './helpers/sessions.js';

for (const backend of BACKENDS) {
  describe(`a person's language and time zone (${backend.name})`, () => {
    let api: TestApi;
    let ana: BrowserSession;
    before(async () => {
      api = await startTestApi(backend);
      await addPerson(api, { email: 'ana@example.com', role: 'agent' });
      ana = await signInBrowser(api, 'ana@example.com');
    });
    after(() => api.close());

    it('follows the browser until the person chooses, and keeps the choice across sign-ins', async () => {
      const first = await sessionCall(api, ana, 'GET', '/v1/me');
      assert.deepEqual({ language: first.body.language, time_zone: first.body.time_zone }, { language: null, time_zone: null });
      const changed = await sessionCall(api, ana, 'PATCH', '/v1/me', { language: 'fi', time_zone: 'Asia/Kolkata' });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.deepEqual({ language: changed.body.language, time_zone: changed.body.time_zone }, { language: 'fi', time_zone: 'Asia/Kolkata' });
      const later = await sessionCall(api, await signInBrowser(api, 'ana@example.com'), 'GET', '/v1/me');
      assert.deepEqual({ language: later.body.language, time_zone: later.body.time_zone, email: later.body.email }, { language: 'fi', time_zone: 'Asia/Kolkata', email: 'ana@example.com' });
    });

    it('changes only the fields given, null returns one to the browser, and the audit says what changed', async () => {
      const zoneOnly = await sessionCall(api, ana, 'PATCH', '/v1/me', { time_zone: 'America/Sao_Paulo' });
      assert.deepEqual({ language: zoneOnly.body.language, time_zone: zoneOnly.body.time_zone }, { language: 'fi', time_zone: 'America/Sao_Paulo' });
      const cleared = await sessionCall(api, ana, 'PATCH', '/v1/me', { language: null });
      assert.deepEqual({ language: cleared.body.language, time_zone: cleared.body.time_zone }, { language: null, time_zone: 'America/Sao_Paulo' });
      const audit = (await api.call('GET', '/v1/audit?limit=5')).body.data;
      const last = audit.find((e: { type: string }) => e.type === 'user.preferences_changed');
      assert.deepEqual(last.after, { language: null, time_zone: 'America/Sao_Paulo' });
    });

    it('refuses an unknown language or time zone with invalid_value and keeps what was there', async () => {
      for (const [body, path] of [[{ language: 'de' }, '/language'], [{ time_zone: 'Europe/Atlantis' }, '/time_zone'], [{ language: 'sv', time_zone: 'Mars/Olympus' }, '/time_zone']] as const) {
        const refused = assertError(await sessionCall(api, ana, 'PATCH', '/v1/me', body), 422, 'invalid_value');
        assert.equal(refused.path, path, JSON.stringify(body));
      }
      assertError(await sessionCall(api, ana, 'PATCH', '/v1/me', { theme: 'dark' }), 400, 'validation_failed');
      const kept = await sessionCall(api, ana, 'GET', '/v1/me');
      assert.deepEqual({ language: kept.body.language, time_zone: kept.body.time_zone }, { language: null, time_zone: 'America/Sao_Paulo' });
    });

    it('needs the CSRF token in a browser, and a person behind a token', async () => {
      assertError(await sessionCall(api, ana, 'PATCH', '/v1/me', { language: 'sv' }, false), 403, 'csrf_invalid');
      assertError(await api.call('PATCH', '/v1/me', { body: { language: 'sv' } }), 403, 'forbidden');
      const machine = await api.call('GET', '/v1/me');
      assert.deepEqual({ language: machine.body.language, time_zone: machine.body.time_zone }, { language: null, time_zone: null });
    });
  });
}
