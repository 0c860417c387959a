import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SmtpMailer } from '../src/adapters/email/smtp-mailer.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { mailSettingsFrom } from '../src/surfaces/email-setup.js';
import { accountMailSweep } from '../src/surfaces/worker/email-sweep.js';
import type { WorkerTask } from '../src/surfaces/worker/worker.js';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { GOOD_PASSWORD, addPerson, signInBrowser } from './helpers/sessions.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './helpers/smtp-receiver.js';

const PUBLIC_URL = 'https://help.example.com';
const MAIL = { publicUrl: PUBLIC_URL, mailFrom: 'Example Help <help@example.com>' };

/** The workspace and token of the dashboard link a mail carries. */
function mailedLink(mail: ReceivedMail): { workspace: string; token: string } {
  const link = /https:\/\/help\.example\.com\/#\/[a-z-]+\?\S+/.exec(mail.parsed.text ?? '')?.[0];
  assert.ok(link, mail.parsed.text);
  const query = new URLSearchParams(link.split('?')[1]);
  return { workspace: query.get('workspace')!, token: query.get('token')! };
}

for (const backend of BACKENDS) {
  describe(`mailed account links (${backend.name})`, () => {
    let api: TestApi;
    let receiver: SmtpReceiver;
    let mailer: SmtpMailer;
    let sweep: WorkerTask;
    let clock: ManualClock;
    before(async () => {
      clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
      receiver = await startSmtpReceiver();
      api = await startTestApi(backend, { clock, mail: mailSettingsFrom(MAIL) });
      mailer = new SmtpMailer({ url: receiver.url, from: MAIL.mailFrom, timeoutMs: 5000 });
      sweep = accountMailSweep(api.db.store, clock, mailer, () => 0.5);
    });
    after(async () => {
      mailer.close();
      await receiver.close();
      await api.close();
    });

    async function send(): Promise<ReceivedMail[]> {
      const before = receiver.mails.length;
      await sweep.run();
      return receiver.mails.slice(before);
    }

    /** A forgotten-password request is worked on after its answer: sends until its mail is out (or gives up). */
    async function sendOnceQueued(): Promise<ReceivedMail[]> {
      for (let round = 0; round < 200; round++) {
        const sent = await send();
        if (sent.length > 0) return sent;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return [];
    }

    it('mails an invitation whose link sets the first password, and the person signs in with it', async () => {
      const invited = await addPerson(api, { email: 'ines@example.com', name: 'Ines <b>', role: 'agent', password: undefined });
      const made = expectStatus(await api.call('POST', `/v1/users/${invited.id}/invitation`), 201);
      assert.equal(made.mailed, true);
      const [mail, ...more] = await send();
      assert.equal(more.length, 0);
      assert.deepEqual(mail!.to, ['ines@example.com']);
      assert.match(mail!.parsed.subject ?? '', /invited/);
      assert.ok(String(mail!.parsed.html).includes('Ines &lt;b&gt;'), 'the name is escaped in the HTML part');
      const accepted = await api.app.inject({ method: 'POST', url: '/v1/auth/accept-invitation', payload: { ...mailedLink(mail!), password: GOOD_PASSWORD } });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal((await signInBrowser(api, 'ines@example.com')).body.user.id, invited.id);
      assert.equal((await send()).length, 0, 'a sent mail is not sent again');
    });

    it('mails a reset link that sets a new password once', async () => {
      const person = await addPerson(api, { email: 'otto@example.com', role: 'viewer' });
      expectStatus(await api.call('POST', `/v1/users/${person.id}/password-reset`), 201);
      const [mail] = await send();
      assert.deepEqual(mail!.to, ['otto@example.com']);
      const parts = mailedLink(mail!);
      const reset = (password: string) => api.app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { ...parts, password } });
      assert.equal((await reset('a-brand-new-password-77')).statusCode, 200);
      const again = await reset('yet-another-password-88');
      assert.equal(again.statusCode, 403);
      assert.equal(again.json().error.code, 'link_invalid');
      await signInBrowser(api, 'otto@example.com', 'a-brand-new-password-77');
    });

    const forgot = (email: string, address = '127.0.0.9', workspace?: string) =>
      api.app.inject({ method: 'POST', url: '/v1/auth/password-reset', payload: { email, ...(workspace ? { workspace } : {}) }, remoteAddress: address });

    it('mails a forgotten password a link that sets a new password once, and audits the request', async () => {
      const person = await addPerson(api, { email: 'pia@example.com', role: 'agent' });
      const asked = await forgot('Pia@Example.com'); // no workspace: the first the address belongs to
      assert.equal(asked.statusCode, 202);
      assert.deepEqual(asked.json(), {});
      const [mail, ...more] = await sendOnceQueued();
      assert.equal(more.length, 0);
      assert.deepEqual(mail!.to, ['pia@example.com']);
      assert.match(mail!.parsed.text ?? '', /#\/reset-password\?/);
      const reset = (password: string) => api.app.inject({ method: 'POST', url: '/v1/auth/reset-password', payload: { ...mailedLink(mail!), password } });
      assert.equal((await reset('a-remembered-password-55')).statusCode, 200);
      assert.equal((await forgot('pia@example.com', '127.0.0.9', 'main')).statusCode, 202);
      assert.equal((await sendOnceQueued()).length, 1, 'naming the workspace mails a link too');
      assert.equal((await reset('a-second-try-password-66')).json().error.code, 'link_invalid');
      await signInBrowser(api, 'pia@example.com', 'a-remembered-password-55');
      const audit = expectStatus(await api.call('GET', '/v1/audit?limit=10'), 200).data as { type: string; entity: { id: string } }[];
      assert.ok(audit.some((e) => e.type === 'user.password_reset_requested' && e.entity.id === person.id), JSON.stringify(audit));
    });

    it('answers an unknown, disabled or foreign address the same, and mails nobody', async () => {
      const disabled = await addPerson(api, { email: 'dora@example.com', role: 'agent' });
      expectStatus(await api.call('PATCH', `/v1/users/${disabled.id}`, { body: { disabled: true } }), 200);
      for (const [email, workspace] of [['nobody@example.com', 'main'], ['dora@example.com', 'main'], ['pia@example.com', 'nowhere']] as const) {
        const asked = await forgot(email, '127.0.0.10', workspace);
        assert.equal(asked.statusCode, 202, email);
        assert.deepEqual(asked.json(), {});
      }
      // A member's request after them: once its mail is out, theirs would have been too.
      assert.equal((await forgot('pia@example.com', '127.0.0.10')).statusCode, 202);
      assert.deepEqual((await sendOnceQueued()).map((mail) => mail.to), [['pia@example.com']]);
      const bad = await forgot('not an address');
      assert.equal(bad.statusCode, 400);
    });

    it('refuses more requests for one address than the sign-in throttle allows, with 429', async () => {
      let answer = await forgot('flood@example.com', '127.0.0.11');
      for (let i = 0; i < 100 && answer.statusCode === 202; i++) answer = await forgot('flood@example.com', `127.0.1.${i}`);
      assert.equal(answer.statusCode, 429);
      assert.equal(answer.json().error.code, 'rate_limited');
      assert.ok(Number(answer.headers['retry-after']) > 0);
    });

    it('retries a mail the server turned away for now', async () => {
      const invited = await addPerson(api, { email: 'ruth@example.com', role: 'agent', password: undefined });
      expectStatus(await api.call('POST', `/v1/users/${invited.id}/invitation`), 201);
      receiver.refuse(451);
      assert.equal((await send()).length, 0);
      assert.equal((await send()).length, 0, 'not due again at once');
      clock.advance(2 * 60_000);
      const [mail] = await send();
      assert.deepEqual(mail!.to, ['ruth@example.com']);
    });
  });
}
