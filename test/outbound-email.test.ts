import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SmtpMailer } from '../src/adapters/email/smtp-mailer.js';
import { checkRequesterLink } from '../src/commands/portal/requester-links.js';
import { EMAIL_RETRY_SCHEDULE_MS } from '../src/domain/email/delivery-schedule.js';
import { EMAIL_KINDS } from '../src/domain/email/email-message.js';
import { LOCALES } from '../src/domain/i18n/locales.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { describeMail, mailSettingsFrom } from '../src/surfaces/email-setup.js';
import { emailSweep, stillWorkingSweep } from '../src/surfaces/worker/email-sweep.js';
import { systemIds } from '../src/surfaces/runtime.js';
import type { WorkerTask } from '../src/surfaces/worker/worker.js';
import { assertError, createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';
import { postEmail } from './helpers/email.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './helpers/smtp-receiver.js';

const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const HOUR = 3_600_000;
const PUBLIC_URL = 'https://help.example.com';
const MAIL = { publicUrl: PUBLIC_URL, mailFrom: 'Example Help <help@example.com>' };

/** A header field's value as it was written, unfolded (mailparser turns the List-* fields into objects). */
function header(mail: ReceivedMail, name: string): string {
  const head = mail.raw.toString('latin1').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
}

for (const backend of BACKENDS) {
  describe(`outbound email (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    let receiver: SmtpReceiver;
    let mailer: SmtpMailer;
    let sweep: WorkerTask;
    let agent: JsonBody;
    let agentToken: string;
    before(async () => {
      clock = new ManualClock(START);
      receiver = await startSmtpReceiver();
      api = await startTestApi(backend, { clock, mail: mailSettingsFrom(MAIL) });
      mailer = new SmtpMailer({ url: receiver.url, from: MAIL.mailFrom, timeoutMs: 5000 });
      // A fixed jitter: retries fall due at the middle of their window.
      sweep = emailSweep(api.db.store, clock, mailer, () => 0.5);
      agent = expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Sanna Agent', email: 'sanna@example.com', languages: ['fi', 'en'] } }), 201);
      agentToken = await api.token('agent', agent.id);
    });
    after(async () => {
      mailer.close();
      await receiver.close();
      await api.close();
    });

    /** Sends what is due and returns the mails the receiver got meanwhile. */
    async function send(): Promise<ReceivedMail[]> {
      const before = receiver.mails.length;
      await sweep.run();
      return receiver.mails.slice(before);
    }

    async function messagesOf(ticketId: string): Promise<JsonBody[]> {
      return expectStatus(await api.call('GET', `/v1/email/messages?ticket=${ticketId}`), 200).data;
    }

    const requesterTicket = (email: string, extra: Record<string, unknown> = {}) =>
      createTicket(api, { title: 'Tulostin ei toimi', description: 'Tulostin ei tulosta mitään.', customer: { email, name: 'Aino' }, language: 'fi', ...extra });

    it('tells a Finnish requester in Finnish that the ticket was received, with a working status link', async () => {
      const ticket = await requesterTicket('aino@example.fi');
      const [mail, ...more] = await send();
      assert.equal(more.length, 0);
      assert.deepEqual(mail!.to, ['aino@example.fi']);
      assert.match(mail!.parsed.subject!, /^Olemme vastaanottaneet pyyntösi: Tulostin ei toimi \[#tkt_/);
      assert.ok(mail!.parsed.subject!.endsWith(`[#${ticket.id}]`), 'the subject carries the reference inbound mail threads by');
      assert.match(mail!.parsed.text!, /Hei Aino/);
      const token = new RegExp(`${PUBLIC_URL}/portal/main/status/(\\S+)`).exec(mail!.parsed.text!)?.[1];
      assert.ok(token, 'the text holds the status link');
      const claims = await api.db.store.read((tx) => checkRequesterLink({ tx, workspaceId: api.workspaceId, clock }, 'status', token));
      assert.equal(claims.subject, ticket.id);
      assert.match(String(mail!.parsed.html), /Hei Aino/);
      assert.match(mail!.parsed.messageId!, /^<eml_[0-9A-Z]{26}@help\.example\.com>$/);
      assert.equal(header(mail!, 'auto-submitted'), 'auto-generated');
      assert.equal(header(mail!, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.match(header(mail!, 'list-unsubscribe'), /^<https:\/\/help\.example\.com\/v1\/portal\/main\/unsubscribe\/v1\.\S+>/);
      const [logged] = await messagesOf(ticket.id);
      assert.deepEqual([logged.kind, logged.status, logged.locale, logged.attempts], ['received', 'sent', 'fi', 1]);
    });

    it('writes to a Chinese requester in Chinese', async () => {
      await createTicket(api, { title: '无法登录', description: '我的密码重置邮件一直没有收到。', customer: { email: 'li@example.cn' }, language: 'zh' });
      const [mail] = await send();
      assert.match(mail!.parsed.subject!, /^我们已收到您的请求：无法登录/);
      assert.match(mail!.parsed.text!, /退订/);
    });

    it('mails a public agent reply to the requester, threaded into the conversation', async () => {
      const ticket = await requesterTicket('mikko@example.fi');
      const [received] = await send();
      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/comments`, { token: agentToken, body: { body: 'Kokeile käynnistää tulostin uudelleen.' } }), 201);
      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/comments`, { token: agentToken, body: { body: 'Internal: printer model X', visibility: 'internal' } }), 201);
      const [reply, ...more] = await send();
      assert.equal(more.length, 0, 'an internal note is not mailed');
      assert.match(reply!.parsed.subject!, /^Uusi vastaus pyyntöösi/);
      assert.match(reply!.parsed.text!, /Sanna Agent vastasi/);
      assert.match(reply!.parsed.text!, /Kokeile käynnistää tulostin uudelleen\./);
      assert.equal(reply!.parsed.inReplyTo, received!.parsed.messageId);
      assert.deepEqual([reply!.parsed.references].flat(), [received!.parsed.messageId]);
    });

    it('sends rating links when the ticket is resolved, and an assigned agent hears of it', async () => {
      const ticket = await requesterTicket('liisa@example.fi');
      await send();
      expectStatus(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { assignee: agent.id } }), 200);
      const [assigned] = await send();
      assert.deepEqual(assigned!.to, ['sanna@example.com']);
      assert.match(assigned!.parsed.subject!, /^Sinulle osoitettu: Tulostin ei toimi/, 'in the agent\'s first language');
      expectStatus(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { status: 'resolved' } }), 200);
      const [resolved] = await send();
      assert.match(resolved!.parsed.subject!, /^Pyyntösi on ratkaistu/);
      for (let n = 1; n <= 5; n++) assert.match(resolved!.parsed.text!, new RegExp(`/portal/main/status/\\S+\\?rate=${n}`));
      assert.match(String(resolved!.parsed.html), /\?rate=5">5 ★<\/a>/);
    });

    it('does not tell an agent of what they did themselves', async () => {
      const ticket = await createTicket(api, { title: 'Self-assigned' });
      expectStatus(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { token: agentToken, body: { assignee: agent.id } }), 200);
      assert.deepEqual(await send(), []);
    });

    it('retries a mail the server turned away for now (451), and fails one it refuses (550) at once', async () => {
      receiver.refuse(451);
      const later = await requesterTicket('retry@example.fi');
      assert.deepEqual(await send(), []);
      const [waiting] = await messagesOf(later.id);
      assert.equal(waiting.status, 'pending');
      assert.match(waiting.last_error, /451/);
      assert.equal(Date.parse(waiting.next_attempt_at), clock.now() + EMAIL_RETRY_SCHEDULE_MS[0]!);
      const scrape = await api.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${api.admin}` } });
      assert.match(scrape.body, /^switchboard_email_backlog\{workspace="main"\} 1$/m);
      clock.advance(EMAIL_RETRY_SCHEDULE_MS[0]!);
      assert.equal((await send()).length, 1);
      assert.equal((await messagesOf(later.id))[0].status, 'sent');

      receiver.refuse(550);
      const never = await requesterTicket('nobody@example.fi');
      await send();
      const [failed] = await messagesOf(never.id);
      assert.equal(failed.status, 'failed');
      assert.match(failed.last_error, /550/);
      const retried = expectStatus(await api.call('POST', `/v1/email/messages/${failed.id}/retry`), 202);
      assert.equal(retried.status, 'pending');
      assert.equal((await send()).length, 1, 'a manual retry sends it again');
      const first = expectStatus(await api.call('GET', '/v1/email/messages?status=sent&limit=1'), 200);
      const second = expectStatus(await api.call('GET', `/v1/email/messages?status=sent&limit=1&cursor=${first.next_cursor}`), 200);
      assert.equal(first.data[0].id, failed.id, 'newest first');
      assert.ok(second.data[0].id < first.data[0].id, 'the next page goes on from the cursor');
    });

    it('stops mailing a requester who unsubscribed with the one-click link, and keeps the mail as suppressed', async () => {
      const ticket = await requesterTicket('quiet@example.fi');
      const [received] = await send();
      const oneClick = /<([^>]+)>/.exec(header(received!, 'list-unsubscribe'))?.[1];
      assert.ok(oneClick);
      const path = new URL(oneClick).pathname;
      const post = (url: string) => api.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      const done = await post(path);
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual(done.json(), { address: 'quiet@example.fi', unsubscribed: true });
      assert.equal((await post(path)).statusCode, 200, 'a second click changes nothing');
      assert.equal((await post(`${path.slice(0, -3)}xyz`)).statusCode, 403, 'an edited link is refused');
      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/comments`, { token: agentToken, body: { body: 'Any news?' } }), 201);
      assert.deepEqual(await send(), []);
      const [latest] = await messagesOf(ticket.id);
      assert.deepEqual([latest.kind, latest.status], ['replied', 'suppressed']);
      assertError(await api.call('POST', `/v1/email/messages/${latest.id}/retry`), 409, 'email_opted_out');
      const undo = await api.app.inject({ method: 'DELETE', url: path });
      assert.deepEqual(undo.json(), { address: 'quiet@example.fi', unsubscribed: false });
    });

    it('uses the workspace\'s own template, refuses unknown variables, and escapes ticket text in HTML', async () => {
      const details = assertError(await api.call('PUT', '/v1/email/templates/received/en', { body: { subject: 'Hi {nickname}', text: 'x' } }), 422, 'invalid_email_template');
      assert.match(details.errors[0].message, /\{nickname\}/);
      const saved = expectStatus(await api.call('PUT', '/v1/email/templates/received/en', { body: { subject: 'Thanks, {requester_name}', text: 'We got "{ticket_title}".\n\n{status_url}' } }), 200);
      assert.equal(saved.override.subject, 'Thanks, {requester_name}');
      const listed = expectStatus(await api.call('GET', '/v1/email/templates'), 200).data;
      assert.equal(listed.length, EMAIL_KINDS.length * LOCALES.length);
      await createTicket(api, { title: '<script>alert(1)</script>', customer: { email: 'bob@example.com', name: 'Bob' }, language: 'en' });
      const [mail] = await send();
      assert.match(mail!.parsed.subject!, /^Thanks, Bob \[#tkt_/);
      assert.match(mail!.parsed.text!, /We got "<script>alert\(1\)<\/script>"\./, 'the text part says it as it was written');
      assert.ok(!String(mail!.parsed.html).includes('<script>'), 'no markup from the ticket in the HTML part');
      assert.match(String(mail!.parsed.html), /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      expectStatus(await api.call('DELETE', '/v1/email/templates/received/en'), 204);
      await createTicket(api, { title: 'Default again', customer: { email: 'bob@example.com' }, language: 'en' });
      assert.match((await send())[0]!.parsed.subject!, /^We have received your request: Default again/);
      assertError(await api.call('GET', '/v1/email/messages', { token: agentToken }), 403, 'forbidden');
    });

    it('threads a requester\'s reply to an outbound mail into the same ticket through the inbound endpoint', async () => {
      const ticket = await requesterTicket('reply@example.fi');
      const [received] = await send();
      const reply = [
        'From: Aino <reply@example.fi>', 'To: help@example.com', 'Subject: Re: printer', 'Message-ID: <reply-1@mail.example.fi>',
        `In-Reply-To: ${received!.parsed.messageId}`, `References: ${received!.parsed.messageId}`, 'Content-Type: text/plain; charset=utf-8', '',
        'Se toimii nyt, kiitos!', '', `> ${received!.parsed.text!.split('\n')[0]}`, '',
      ].join('\r\n');
      const answered = expectStatus(await postEmail(api, reply), 200);
      assert.deepEqual([answered.outcome, answered.ticket_id], ['threaded', ticket.id]);
      const comments = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/comments`), 200).data;
      assert.equal(comments.at(-1).body, 'Se toimii nyt, kiitos!');
      assert.deepEqual(await send(), [], 'the requester is not told of their own reply');
      const echoed = expectStatus(await postEmail(api, received!.raw), 200);
      assert.deepEqual([echoed.outcome, echoed.ticket_id], ['duplicate', ticket.id], 'our own mail coming back is no new ticket');
    });
    it('acknowledges mail that opened a ticket as an answer to it, and says "still working" after a long silence', async () => {
      const raw = ['From: Pekka <pekka@example.fi>', 'To: help@example.com', 'Subject: Screen stays dark', 'Message-ID: <first@mail.example.fi>',
        'Content-Type: text/plain; charset=utf-8', '', 'My screen does not turn on any more. What can I do?', ''].join('\r\n');
      const created = expectStatus(await postEmail(api, raw), 201);
      const [ack, ...more] = await send();
      assert.equal(more.length, 0);
      assert.deepEqual(ack!.to, ['pekka@example.fi']);
      assert.equal(ack!.parsed.inReplyTo, '<first@mail.example.fi>', 'the acknowledgement answers the requester\'s own mail');
      const updates = stillWorkingSweep(api.db.store, clock, systemIds(clock), mailSettingsFrom(MAIL));
      const toPekka = async () => { await updates.run(); return (await send()).filter((m) => m.to[0] === 'pekka@example.fi'); };
      assert.deepEqual(expectStatus(await api.call('GET', '/v1/email/settings'), 200), { update_interval_hours: 72, updated_at: null });
      expectStatus(await api.call('PUT', '/v1/email/settings', { body: { update_interval_hours: 0 } }), 200);
      clock.advance(100 * HOUR);
      assert.deepEqual(await toPekka(), [], 'turned off');
      expectStatus(await api.call('PUT', '/v1/email/settings', { body: { update_interval_hours: 172 } }), 200);
      clock.advance(71 * HOUR);
      assert.deepEqual(await toPekka(), [], 'not before the interval');
      clock.advance(2 * HOUR);
      const [update] = await toPekka();
      assert.match(update!.parsed.subject!, /^We are still working on your request: Screen stays dark/);
      assert.equal(update!.parsed.inReplyTo, '<first@mail.example.fi>');
      assert.deepEqual(await toPekka(), [], 'once per silence');
      const kinds = (await messagesOf(created.ticket_id)).map((m: JsonBody) => m.kind);
      assert.deepEqual(kinds, ['still_working', 'received']);
    });

    it('reads the mail log and refuses a bad template from the command line', async () => {
      const cli = (args: string[]) => runCli(['email', ...args, ...api.db.cliArgs, '--workspace', 'main']);
      const listed = await cli(['messages', '--status', 'suppressed', '--json']);
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual(JSON.parse(listed.stdout).data.map((m: JsonBody) => [m.recipient, m.kind]), [['quiet@example.fi', 'replied']]);
      const refused = await cli(['templates', 'set', 'assigned', 'sv', '--subject', 'Hej', '--text', '{comment}']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /Unknown variable \{comment\}/);
      const saved = await cli(['templates', 'set', 'assigned', 'sv', '--subject', 'Ny: {ticket_title}', '--text', 'Ta hand om {ticket_ref}.']);
      assert.equal(saved.code, 0, saved.stderr);
      assert.match((await cli(['templates', 'list'])).stdout, /assigned {2}sv {2}own {2}Ny: \{ticket_title\}/);
      const interval = expectStatus(await api.call('GET', '/v1/email/settings'), 200).update_interval_hours;
      assert.match((await cli(['settings', '--update-every', '24'])).stdout, /after 24 h without news/);
      assert.equal(expectStatus(await api.call('GET', '/v1/email/settings'), 200).update_interval_hours, 24);
      assert.equal((await cli(['settings', '--update-every', 'soon'])).code, 2, 'not a number of hours');
      expectStatus(await api.call('PUT', '/v1/email/settings', { body: { update_interval_hours: interval } }), 200);
    });
    // Last: the routing policy, escalation levels and SLA it saves would change what the tests above see.
    it('tells the agent offered a ticket, the queue\'s owner of an SLA warning, and the level\'s owner and informed of an escalation', async () => {
      const owner = expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Olli Owner', email: 'olli@example.com' } }), 201);
      const vera = expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Vera', email: 'vera@example.com', languages: ['sv'], skills: { mail: 5 }, capacity: { email: 50 }, status: 'available' } }), 201);
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: {
        queues: [{ id: 'general', agents: "has_skill(agent, 'mail', 1)", strategy: 'round_robin', mode: 'offer', offer_timeout: '2h' }, { id: 'tier2', agents: 'false', strategy: 'round_robin' }],
        rules: [], default: { queue: 'general' },
      } }), 200);
      expectStatus(await api.call('PUT', '/v1/escalation', { body: {
        levels: [{ level: 1, queue: 'general', owner: { agent: owner.id } }, { level: 2, queue: 'tier2', owner: { agent: owner.id }, informed: [{ agent: vera.id }, { agent: owner.id }] }],
        triggers: [],
      } }), 200);
      expectStatus(await api.call('POST', '/v1/sla-policies', { body: { name: 'fast', targets: { normal: { first_response: { minutes: 60 } } } } }), 201);
      const ticket = await createTicket(api, { title: 'Routed by mail', customer: { email: 'routed@example.com' }, language: 'en' });
      // Saving the policy also handed Vera the work waiting from the tests above; only this ticket's mails count.
      const offered = (await send()).filter((m) => m.parsed.subject!.includes(ticket.id));
      assert.deepEqual(offered.map((m) => [m.to[0], m.parsed.subject]).sort(), [
        ['routed@example.com', `We have received your request: Routed by mail [#${ticket.id}]`],
        ['vera@example.com', `Erbjudet dig: Routed by mail [#${ticket.id}]`],
      ], 'the agent in her own language');

      clock.advance(46 * 60_000);
      await api.fireDueTimers();
      const [warning, ...others] = (await send()).filter((m) => m.parsed.subject!.includes(ticket.id));
      assert.equal(others.length, 0);
      assert.deepEqual(warning!.to, ['olli@example.com'], 'nobody holds the ticket: the owner of its queue\'s level hears');
      assert.match(warning!.parsed.text!, /The first response target/);

      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'needs a specialist', level: 2 } }), 200);
      const escalated = (await send()).filter((m) => m.parsed.subject!.startsWith('Eskalerat') || m.parsed.subject!.startsWith('Escalated'));
      assert.deepEqual(escalated.map((m) => m.to[0]).sort(), ['olli@example.com', 'vera@example.com'], 'once each, though the owner is also informed');
      assert.match(escalated.find((m) => m.to[0] === 'olli@example.com')!.parsed.text!, /escalated to level 2\.\n\nReason: needs a specialist/);
    });
    it('asks the approvers of an approval by mail in their language, reminds those who have not answered, and stops once decided', async () => {
      const ticket = await createTicket(api, { title: 'Hyvitys 250 €', customer: { email: 'refund@example.com' }, language: 'fi' });
      await send();
      const approval = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/approvals`, { body: {
        approvers: { agents: [agent.id] }, reason: 'refund over 100', remind_after: '1h', hold: false,
      } }), 201);
      const approvalMails = async () => (await send()).filter((m) => m.parsed.subject!.startsWith('Odottaa') && m.parsed.subject!.includes(ticket.id));
      const [asked, ...more] = await approvalMails();
      assert.equal(more.length, 0);
      assert.deepEqual(asked!.to, ['sanna@example.com']);
      assert.equal(asked!.parsed.subject, `Odottaa hyväksyntääsi: Hyvitys 250 € [#${ticket.id}]`);
      assert.match(asked!.parsed.text!, /Syy: refund over 100/);
      clock.advance(HOUR + 1);
      await api.fireDueTimers();
      assert.deepEqual((await approvalMails()).map((m) => m.to[0]), ['sanna@example.com'], 'reminded');
      expectStatus(await api.call('POST', `/v1/approvals/${approval.id}/approve`, { token: agentToken }), 200);
      clock.advance(HOUR + 1);
      await api.fireDueTimers();
      assert.deepEqual(await approvalMails(), [], 'no reminder once decided');
    });
  });

  describe(`outbound email off (${backend.name})`, () => {
    let api: TestApi;
    before(async () => { api = await startTestApi(backend); });
    after(() => api.close());

    it('queues nothing without an SMTP server', async () => {
      await createTicket(api, { title: 'No mail', customer: { email: 'someone@example.com' } });
      assert.deepEqual(expectStatus(await api.call('GET', '/v1/email/messages'), 200).data, []);
    });
  });
}

describe('mail configuration', () => {
  it('refuses a URL that is not SMTP, naming the variable but never the password', () => {
    assert.throws(() => loadConfig({ SWITCHBOARD_SMTP_URL: 'http://user:hunter2@mail.example.com' }), (error: Error) =>
      error instanceof ConfigError && error.message.includes('SWITCHBOARD_SMTP_URL') && !error.message.includes('hunter2'));
    const config = loadConfig({ SWITCHBOARD_SMTP_URL: 'smtps://user:hunter2@mail.example.com:465', SWITCHBOARD_PUBLIC_URL: 'https://help.example.com/' });
    assert.equal(describeMail(config), 'smtps://mail.example.com:465');
    assert.deepEqual({ ...mailSettingsFrom(config), catalogue: null }, { catalogue: null, publicUrl: 'https://help.example.com', messageIdHost: 'help.example.com', linkTtlMs: config.linkTtlDays * 86_400_000 });
  });
});
