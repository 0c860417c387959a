import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { autoReplyReason } from './auto-reply.js';
import { subjectTicketId, titleFromSubject } from './inbound-email.js';
import { withoutQuotedTail } from './reply-text.js';

const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('inbound e-mail rules', () => {
  it('tells machine mail by its headers and sender, and lets a person\'s mail through', () => {
    const person = 'ana@example.com';
    assert.equal(autoReplyReason(headers({}), person), null);
    assert.equal(autoReplyReason(headers({ 'auto-submitted': 'No' }), person), null);
    assert.equal(autoReplyReason(headers({ 'auto-submitted': 'auto-generated; owner-email="x@y"' }), person), 'auto_submitted');
    assert.equal(autoReplyReason(headers({ precedence: ' Bulk ' }), person), 'precedence');
    assert.equal(autoReplyReason(headers({ precedence: 'first-class' }), person), null);
    assert.equal(autoReplyReason(headers({ 'x-autorespond': '' }), person), 'x_autoreply');
    assert.equal(autoReplyReason(headers({ 'content-type': 'multipart/report; report-type=disposition-notification' }), person), 'delivery_report');
    assert.equal(autoReplyReason(headers({}), 'postmaster@example.com'), 'mailer_daemon');
    assert.equal(autoReplyReason(headers({ 'return-path': '< >' }), person), 'null_return_path');
    assert.equal(autoReplyReason(headers({ 'return-path': '<ana@example.com>' }), person), null);
  });

  it('reads a [#ticket id] from a subject and leaves it and reply prefixes out of the title', () => {
    const id = 'tkt_01JTQ8Z4W2M6X3D9E5F7G8H0JK';
    assert.equal(subjectTicketId(`Re: [#${id.toLowerCase()}] Printer`), id);
    assert.equal(subjectTicketId('Re: [#tkt_short] Printer'), null);
    assert.equal(titleFromSubject(`RE: Aw: SV: [#${id}]  Printer   jam`), 'Printer jam');
    assert.equal(titleFromSubject('  '), '(no subject)');
    assert.equal(titleFromSubject('x'.repeat(600)).length, 500);
  });

  it('cuts the quoted message and its attribution from the end of a reply, and only from the end', () => {
    assert.equal(withoutQuotedTail('Thanks, fixed!\r\n\r\nOn Mon, Ana wrote:\r\n> Is it fixed?\r\n>\r\n'), 'Thanks, fixed!');
    assert.equal(withoutQuotedTail('You said:\n> it broke\nIt did not.'), 'You said:\n> it broke\nIt did not.');
    assert.equal(withoutQuotedTail('> only a quote'), '> only a quote');
    assert.equal(withoutQuotedTail('Kiitos!\n\nti 5.5.2026 klo 10.01 Tuki kirjoitti:\n> Hei'), 'Kiitos!');
  });
});
