import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { RoutingRuntime } from '../src/commands/routing/routing-runtime.js';
import { mailSettingsFrom } from '../src/surfaces/email-setup.js';
import { systemIds } from '../src/surfaces/runtime.js';
import { MailboxReaders } from '../src/surfaces/worker/mailbox-leases.js';
import { expectStatus, listAll } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';
import { dovecotInstalled, startDovecot, type DovecotServer } from './helpers/dovecot.js';
import { emailFixture, withHeaders } from './helpers/email.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';

const MAIL = { publicUrl: 'https://desk.example.com', mailFrom: 'Example Help <help@example.com>' };
const FIRST = emailFixture('new-finnish-attachment.eml');

if (!dovecotInstalled() && process.env.SWITCHBOARD_REQUIRE_DOVECOT === '1') throw new Error('Dovecot is required but /usr/sbin/dovecot is missing.');

/** Polls until `probe` returns a value (the suite's own time-out bounds the wait). */
async function until<T>(probe: () => Promise<T | undefined | null | false>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value) return value;
    await sleep(100);
  }
}

for (const backend of BACKENDS) {
  describe(`mailboxes read over IMAP from a real Dovecot (${backend.name})`, { skip: !dovecotInstalled() && 'dovecot is not installed' }, () => {
    let api: TestApi;
    let imap: DovecotServer;
    let readers: MailboxReaders;
    const failures: string[] = [];
    const startReaders = (owner: string) => new MailboxReaders(owner, {
      store: api.db.store, clock: api.clock, ids: systemIds(), routing: new RoutingRuntime(), mail: mailSettingsFrom(MAIL), crm: null,
      allowPrivate: true, recheckMs: 60_000, log: { info: () => {}, error: (_error, message) => failures.push(message) },
    });
    const mailbox = (body: object) => ({ address: 'tuki@example.com', host: '127.0.0.1', port: imap.port, tls: 'none', username: imap.user, password: imap.password, ...body });
    const tickets = () => listAll(api, '/v1/tickets?limit=200');

    before(async () => {
      imap = await startDovecot();
      api = await startTestApi(backend, { mail: mailSettingsFrom(MAIL), mailboxAllowPrivate: true });
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: { queues: [{ id: 'general', agents: 'false' }], rules: [], default: { queue: 'general' } } }), 200);
    });
    after(async () => {
      await readers?.stop();
      await api?.close();
      await imap?.close();
    });

    let moving: JsonBody;
    let ticketId: string;

    it('saves a mailbox without ever showing its password, and signs in to test it', async () => {
      moving = expectStatus(await api.call('POST', '/v1/mailboxes', { body: mailbox({ after_import: 'move', move_to: 'Processed' }) }), 201);
      assert.equal(moving.folder, 'INBOX');
      assert.equal('password' in moving, false);
      assert.deepEqual(moving.status, { last_success_at: null, last_error: null, last_error_at: null });
      assert.deepEqual(expectStatus(await api.call('POST', `/v1/mailboxes/${moving.id}/test`), 200), { ok: true, messages: 0 });
      const listed = expectStatus(await api.call('GET', '/v1/mailboxes'), 200).data;
      assert.equal(JSON.stringify(listed).includes(imap.password), false);
    });

    it('turns new mail into a ticket, found by IDLE, and moves it out of the inbox', async () => {
      readers = startReaders('node-a');
      assert.match(String(await readers.task().run()), /reading tuki@example.com/);
      await imap.deliver(FIRST);
      const [ticket] = await until(async () => { const all = await tickets(); return all.length > 0 && all; });
      ticketId = ticket.id;
      assert.equal(ticket.channel, 'email');
      assert.equal(ticket.customer.email, 'aino.virtanen@example.fi');
      assert.equal(ticket.title, 'Laskussa on virhe – päiväys 3.3.');
      await until(async () => (await imap.messages('Processed')).length === 1);
      assert.deepEqual(await imap.messages('INBOX'), []);
    });

    it('threads a reply to the ticket\'s outbound mail as a comment on the same ticket', async () => {
      const [ack] = await until(async () => {
        const sent = expectStatus(await api.call('GET', `/v1/email/messages?ticket=${ticketId}`), 200).data;
        return sent.length > 0 && sent;
      });
      const reply = withHeaders(FIRST, {
        'Message-ID': '<reply.2@mail.example.fi>', 'In-Reply-To': `<${ack.message_id}>`, References: `<CAF1fi.first@mail.example.fi> <${ack.message_id}>`,
        Subject: 'Re: Laskussa on virhe',
      });
      await imap.deliver(reply);
      const comments = await until(async () => {
        const found = await listAll(api, `/v1/tickets/${ticketId}/comments`);
        return found.length > 0 && found;
      });
      assert.equal(comments[0].author.kind, 'customer');
      assert.equal((await tickets()).length, 1);
    });

    it('records an auto-reply and a bounce without opening a ticket', async () => {
      await imap.deliver(emailFixture('auto-reply.eml'));
      await imap.deliver(emailFixture('bounce.eml'));
      await until(async () => (await imap.messages('Processed')).length === 4);
      assert.equal((await tickets()).length, 1);
      const events = await listAll(api, `/v1/tickets/${ticketId}/events`);
      assert.equal(events.filter((e: JsonBody) => e.type === 'email.ignored').length, 1);
    });

    it('shows the last success in the mailbox status', async () => {
      const status = expectStatus(await api.call('GET', `/v1/mailboxes/${moving.id}`), 200).status;
      assert.equal(typeof status.last_success_at, 'string');
      assert.equal(status.last_error, null);
    });

    it('lets one node read a mailbox: another finds it leased', async () => {
      const other = startReaders('node-b');
      assert.equal(await other.task().run(), null);
      await other.stop();
    });

    it('keeps mail flagged \\Seen when so configured, and takes nothing in twice after a restart that lost its progress', async () => {
      await imap.deliver(withHeaders(FIRST, { 'Message-ID': '<second.1@mail.example.fi>', Subject: 'Toinen asia' }), 'Support');
      const keeping = expectStatus(await api.call('POST', '/v1/mailboxes', { body: mailbox({ folder: 'Support' }) }), 201);
      await readers.task().run();
      await until(async () => (await imap.messages('Support')).every((m) => m.flags.includes('\\Seen')));
      assert.equal((await tickets()).length, 2);
      await readers.stop();
      // As after a crash between taking messages in and marking them done: the mark points before them.
      await api.db.store.transaction((tx) => tx.mailboxes.advance(keeping.id, 1, 0));
      readers = startReaders('node-c');
      await readers.task().run();
      // Read in UID order: by the time the new message is a ticket, the old one was read again.
      await imap.deliver(withHeaders(FIRST, { 'Message-ID': '<third.1@mail.example.fi>', Subject: 'Kolmas asia' }), 'Support');
      await until(async () => (await tickets()).length === 3);
      const titles = (await tickets()).map((t: JsonBody) => t.title).sort();
      assert.deepEqual(titles, ['Kolmas asia', 'Laskussa on virhe – päiväys 3.3.', 'Toinen asia']);
      assert.deepEqual(failures, []);
    });

    it('is managed from the CLI too: add (password on stdin, host checked), list with status, test, remove', async () => {
      const cli = (args: string[], allow = 'true', stdin?: string) =>
        runCli(['mailboxes', ...args, ...api.db.cliArgs, '--workspace', 'main'], { env: { SWITCHBOARD_MAILBOX_ALLOW_PRIVATE: allow }, stdin });
      const add = ['add', '--address', 'myynti@example.com', '--host', '127.0.0.1', '--port', String(imap.port), '--tls', 'none', '--user', imap.user, '--folder', 'Support'];
      const refused = await cli(add, 'false', `${imap.password}\n`);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /loopback/);
      const added = await cli([...add, '--json'], 'true', `${imap.password}\n`);
      assert.equal(added.code, 0, added.stderr);
      const { id } = JSON.parse(added.stdout);
      assert.match((await cli(['list'])).stdout, new RegExp(`${id}  myynti@example.com  desk@127.0.0.1:${imap.port} \\(none\\)  Support  mark seen  not read yet`));
      assert.match((await cli(['list'])).stdout, /mbx_\S+ {2}tuki@example.com .* read \d{4}-/);
      const tested = await cli(['test', id]);
      assert.equal(tested.code, 0, tested.stdout);
      assert.match(tested.stdout, /^OK: 2 message\(s\) in Support\./);
      assert.equal((await cli(['remove', id])).code, 0);
      const gone = await cli(['test', id]);
      assert.equal(gone.code, 2);
      assert.match(gone.stderr, /mailbox_not_found/);
    });

    it('shows a failed sign-in in the test answer', async () => {
      const wrong = expectStatus(await api.call('POST', '/v1/mailboxes', { body: mailbox({ password: 'not-the-password', folder: 'Other' }) }), 201);
      const probe = expectStatus(await api.call('POST', `/v1/mailboxes/${wrong.id}/test`), 200);
      assert.equal(probe.ok, false);
      assert.match(probe.error, /auth/i);
      expectStatus(await api.call('DELETE', `/v1/mailboxes/${wrong.id}`), 204);
    });
  });
}
