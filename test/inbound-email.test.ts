import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertError, createAgent, expectStatus, listAll, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { emailFixture, postEmail, withHeaders } from './helpers/email.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';

const FIRST = emailFixture('new-finnish-attachment.eml');

/** The attachment's bytes as the fixture carries them (base64), hashed independently of the parser. */
function fixturePdfSha256(): string {
  const part = /filename="lasku-maaliskuu\.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)--/.exec(FIRST.toString('latin1'))![1]!;
  return createHash('sha256').update(Buffer.from(part.replace(/\r\n/g, ''), 'base64')).digest('hex');
}

/** The first message again under a new Message-ID: new mail from the same customer. */
const newMail = (id: string, headers: Record<string, string | null> = {}) => withHeaders(FIRST, { 'Message-ID': `<${id}@mail.example.fi>`, ...headers });

for (const backend of BACKENDS) {
  describe(`inbound e-mail (${backend.name})`, () => {
    let api: TestApi;
    let agentId: string;
    let ticketId: string;
    before(async () => {
      api = await startTestApi(backend);
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: { queues: [{ id: 'general', agents: 'false' }], rules: [], default: { queue: 'general' } } }), 200);
      agentId = (await createAgent(api, { name: 'Tuula Tuki' })).id;
      const created = await postEmail(api, FIRST);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.outcome, 'created');
      ticketId = created.body.ticket_id;
    });
    after(() => api.close());

    const ticket = async (id: string) => expectStatus(await api.call('GET', `/v1/tickets/${id}`), 200);
    const events = (id: string) => listAll(api, `/v1/tickets/${id}/events`);
    const comments = (id: string) => listAll(api, `/v1/tickets/${id}/comments`);
    const ticketCount = async () => (await listAll(api, '/v1/tickets?limit=200')).length;

    it('opens a ticket from new mail: quoted-printable Finnish decoded, the sender as customer, the attachment recorded', async () => {
      const created = await ticket(ticketId);
      assert.equal(created.channel, 'email');
      assert.equal(created.title, 'Laskussa on virhe – päiväys 3.3.');
      assert.match(created.description, /^Hyvää päivää!\n\nMaaliskuun laskussani on virhe: summa on 149 €/);
      assert.deepEqual(created.customer, { id: null, name: 'Aino Virtanen', email: 'aino.virtanen@example.fi', organization: null, tier: null, crm: null });
      assert.equal(created.language, 'fi');
      assert.equal(created.queue, 'general');
      const received = (await events(ticketId)).find((e: JsonBody) => e.type === 'email.received');
      assert.equal(received.actor.kind, 'customer');
      assert.deepEqual(received.data, {
        message_id: 'CAF1fi.first@mail.example.fi',
        from: 'aino.virtanen@example.fi',
        subject: 'Laskussa on virhe – päiväys 3.3.',
        outcome: 'created',
        comment_id: null,
        attachments: [{ filename: 'lasku-maaliskuu.pdf', content_type: 'application/pdf', size: 77, sha256: fixturePdfSha256() }],
      });
    });

    it('threads a reply by In-Reply-To as the customer\'s public comment without the quote, putting pending work back in progress', async () => {
      await patchTicket(api, ticketId, { assignee: agentId });
      await patchTicket(api, ticketId, { status: 'pending' });
      const reply = expectStatus(await postEmail(api, emailFixture('reply-in-reply-to.eml')), 200);
      assert.deepEqual(reply, { outcome: 'threaded', ticket_id: ticketId, reason: null });
      const [comment] = await comments(ticketId);
      assert.equal(comment.body, 'Lisätietoa: asiakasnumeroni on 55231.');
      assert.equal(comment.visibility, 'public');
      assert.deepEqual(comment.author, { kind: 'customer', id: 'aino.virtanen@example.fi', name: 'Aino Virtanen' });
      assert.equal((await ticket(ticketId)).status, 'in_progress');
      const received = (await events(ticketId)).filter((e: JsonBody) => e.type === 'email.received');
      assert.deepEqual(received.map((e: JsonBody) => [e.data.outcome, e.data.comment_id]), [['created', null], ['threaded', comment.id]]);
    });

    it('threads a reply by References when it has no In-Reply-To', async () => {
      const reply = expectStatus(await postEmail(api, emailFixture('reply-references.eml')), 200);
      assert.deepEqual(reply, { outcome: 'threaded', ticket_id: ticketId, reason: null });
      assert.equal((await comments(ticketId)).at(-1).body, 'Joko asia on korjattu?');
    });

    it('answers a re-posted Message-ID as a duplicate and changes nothing', async () => {
      const before = { tickets: await ticketCount(), comments: (await comments(ticketId)).length, events: (await events(ticketId)).length };
      for (const name of ['new-finnish-attachment.eml', 'reply-in-reply-to.eml']) {
        assert.deepEqual(expectStatus(await postEmail(api, emailFixture(name)), 200), { outcome: 'duplicate', ticket_id: ticketId, reason: null });
      }
      assert.deepEqual({ tickets: await ticketCount(), comments: (await comments(ticketId)).length, events: (await events(ticketId)).length }, before);
    });

    it('takes the same message posted twice at once only once', async () => {
      const raw = newMail('race.1');
      const answers = await Promise.all([postEmail(api, raw), postEmail(api, raw)]);
      assert.deepEqual(answers.map((a) => a.body.outcome).sort(), ['created', 'duplicate']);
      assert.equal(answers[0]!.body.ticket_id, answers[1]!.body.ticket_id);
    });

    it('records an auto-reply on the ticket it answers and a bounce on the workspace, opening and answering nothing', async () => {
      const tickets = await ticketCount();
      const commentCount = (await comments(ticketId)).length;
      assert.deepEqual(expectStatus(await postEmail(api, emailFixture('auto-reply.eml')), 200), { outcome: 'ignored_auto_reply', ticket_id: ticketId, reason: 'auto_submitted' });
      assert.deepEqual(expectStatus(await postEmail(api, emailFixture('bounce.eml')), 200), { outcome: 'ignored_auto_reply', ticket_id: null, reason: 'auto_submitted' });
      assert.equal(await ticketCount(), tickets);
      assert.equal((await comments(ticketId)).length, commentCount);
      const ignored = (await events(ticketId)).find((e: JsonBody) => e.type === 'email.ignored');
      assert.deepEqual(ignored.data, { message_id: 'ooo.7731@mail.example.fi', from: 'aino.virtanen@example.fi', subject: 'Automaattinen vastaus: Laskussa on virhe', reason: 'auto_submitted' });
      assert.equal(expectStatus(await postEmail(api, emailFixture('bounce.eml')), 200).outcome, 'duplicate');
    });

    it('knows machine mail by each of its marks, and mail marked Auto-Submitted: no as a person\'s', async () => {
      const marks: [Record<string, string>, string][] = [
        [{ Precedence: 'bulk' }, 'precedence'],
        [{ Precedence: 'junk' }, 'precedence'],
        [{ Precedence: 'list' }, 'precedence'],
        [{ 'X-Autoreply': 'yes' }, 'x_autoreply'],
        [{ 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="=_sb_boundary_1"' }, 'delivery_report'],
        [{ From: 'MAILER-DAEMON@mx.example.net' }, 'mailer_daemon'],
        [{ 'Return-Path': '<>' }, 'null_return_path'],
      ];
      const tickets = await ticketCount();
      for (const [i, [headers, reason]] of marks.entries()) {
        const answer = expectStatus(await postEmail(api, newMail(`machine.${i}`, headers)), 200);
        assert.deepEqual(answer, { outcome: 'ignored_auto_reply', ticket_id: null, reason }, JSON.stringify(headers));
      }
      assert.equal(await ticketCount(), tickets);
      assert.equal((await postEmail(api, newMail('person.1', { 'Auto-Submitted': 'no' }))).status, 201);
    });

    it('decodes ISO-2022-JP and GB2312 subjects, names and bodies', async () => {
      const japanese = await ticket(expectStatus(await postEmail(api, emailFixture('iso-2022-jp.eml')), 201).ticket_id);
      assert.equal(japanese.title, 'ログインできません');
      assert.equal(japanese.description, 'お世話になっております。\nパスワードを再設定してもログインできません。\nよろしくお願いいたします。\n山田');
      assert.equal(japanese.customer.name, '山田 太郎');
      const chinese = await ticket(expectStatus(await postEmail(api, emailFixture('gb2312.eml')), 201).ticket_id);
      assert.equal(chinese.title, '发票金额错误');
      assert.equal(chinese.description, '您好，\n我的发票金额不对，请帮忙处理。\n谢谢！\n王伟');
      assert.deepEqual([chinese.customer.name, chinese.customer.email], ['王伟', 'wang.wei@example.cn']);
    });

    it('keeps HTML-only mail as text, never as HTML', async () => {
      const html = await ticket(expectStatus(await postEmail(api, emailFixture('html-only.eml')), 201).ticket_id);
      assert.match(html.description, /Hej!\s+Jag kan inte logga in sedan i går\./);
      assert.doesNotMatch(html.description, /[<>]|alert/);
    });

    it('opens a follow-up linked to a closed ticket when its customer answers it', async () => {
      const old = expectStatus(await postEmail(api, newMail('closing.1')), 201).ticket_id;
      await patchTicket(api, old, { status: 'closed' });
      const answer = expectStatus(await postEmail(api, newMail('closing.2', { 'In-Reply-To': '<closing.1@mail.example.fi>' })), 201);
      assert.equal(answer.outcome, 'created');
      assert.notEqual(answer.ticket_id, old);
      assert.deepEqual((await ticket(answer.ticket_id)).links[0], { kind: 'related', ticket_id: old });
      assert.deepEqual(await comments(old), []);
    });

    it('threads by a [#ticket id] in the subject only when the ticket\'s own customer sends it', async () => {
      const subject = `Re: [#${ticketId}] Laskussa on virhe`;
      const own = expectStatus(await postEmail(api, newMail('token.1', { Subject: subject })), 200);
      assert.deepEqual(own, { outcome: 'threaded', ticket_id: ticketId, reason: null });
      const stranger = expectStatus(await postEmail(api, newMail('token.2', { Subject: subject, From: 'mallory@example.org' })), 201);
      assert.notEqual(stranger.ticket_id, ticketId);
      assert.equal((await ticket(stranger.ticket_id)).title, 'Laskussa on virhe');
    });

    it('refuses what is not a message with a sender, other media types, oversized bodies and tokens without the permission', async () => {
      assert.equal(assertError(await postEmail(api, 'just some words, no headers at all'), 400, 'invalid_email').problem, 'no_headers');
      assert.equal(assertError(await postEmail(api, emailFixture('no-from.eml')), 400, 'invalid_email').problem, 'no_sender');
      assert.equal(assertError(await postEmail(api, newMail('bad-from.1', { From: 'not an address' })), 400, 'invalid_email').problem, 'no_sender');
      assertError(await postEmail(api, '{"title": "x"}', { contentType: 'application/json' }), 415, 'unsupported_media_type');
      assertError(await postEmail(api, Buffer.alloc(1024 * 1024 + 1, 'a')), 413, 'body_too_large');
      for (const role of ['agent', 'viewer'] as const) assertError(await postEmail(api, newMail('role.1'), { token: await api.token(role) }), 403, 'forbidden');
      assert.equal((await postEmail(api, newMail('role.2'), { token: await api.token('supervisor') })).status, 201);
    });
  });
}
