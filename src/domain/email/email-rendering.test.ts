import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageCatalogue } from '../i18n/message-catalogue.js';
import { isMailbox } from './email-message.js';
import { checkEmailTemplate, renderEmail, type EmailContent } from './email-rendering.js';

const catalogue = new MessageCatalogue({
  en: {
    email: {
      replied: { subject: 'Reply: {ticket_title}', body: '{agent_name} wrote:\n\n{comment}' },
      resolved: { subject: 'Resolved', body: 'Rate us:\n{rating_links}' },
      footer: { status: 'Status: {status_url}', unsubscribe: 'Unsubscribe: {unsubscribe_url}', agent: 'Agent footer' },
      rating: { option: '{rating}: {url}' },
    },
  },
});

const content = (parts: Partial<EmailContent>): EmailContent => ({
  kind: 'replied', locale: 'en', values: {}, links: { status_url: 'https://x/s?a=1&b=2', unsubscribe_url: 'https://x/u' }, ratingUrls: [], override: null, ...parts,
});

describe('rendering a notification', () => {
  it('escapes every value in HTML but keeps the text part as written, and the footer whatever the template', () => {
    const mail = renderEmail(catalogue, content({ values: { ticket_title: 'Line\nbreak <b>', agent_name: 'Sanna', comment: '<script>alert(1)</script>' } }));
    assert.equal(mail.subject, 'Reply: Line break <b>');
    assert.match(mail.text, /^Sanna wrote:\n\n<script>alert\(1\)<\/script>\n\n-- \nStatus: https:\/\/x\/s\?a=1&b=2\nUnsubscribe: https:\/\/x\/u$/);
    assert.ok(!mail.html.includes('<script>'));
    assert.match(mail.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(mail.html, /<a href="https:\/\/x\/s\?a=1&amp;b=2">/);
    const own = renderEmail(catalogue, content({ override: { subject: 'Own <i>{ticket_title}</i>', text: '<b>{comment}</b>' }, values: { ticket_title: 'T', comment: 'c' } }));
    assert.equal(own.subject, 'Own <i>T</i>');
    assert.match(own.html, /&lt;b&gt;c&lt;\/b&gt;/, 'a template is text too');
    assert.match(own.text, /Unsubscribe: https:\/\/x\/u$/);
  });

  it('lists the five rating links', () => {
    const urls = [1, 2, 3, 4, 5].map((n) => `https://x/s?rate=${n}`);
    const mail = renderEmail(catalogue, content({ kind: 'resolved', ratingUrls: urls }));
    assert.match(mail.text, /1: https:\/\/x\/s\?rate=1\n2: .*\n3: .*\n4: .*\n5: https:\/\/x\/s\?rate=5/);
    assert.equal(mail.html.match(/rate=\d">\d ★<\/a>/g)?.length, 5);
  });

  it('refuses variables a kind does not have', () => {
    assert.deepEqual(checkEmailTemplate('assigned', { subject: '{ticket_title}', text: '{priority} {status_url}' }).map((p) => p.path), ['/text']);
    assert.deepEqual(checkEmailTemplate('replied', { subject: '{comment}', text: '{status_url}' }), []);
  });
});

describe('recipients', () => {
  it('are single mailboxes', () => {
    assert.equal(isMailbox('aino@example.fi'), true);
    for (const bad of ['a@b.c, d@e.f', 'a@b.c\r\nBcc: x@y.z', 'Aino <a@b.c>', 'nobody']) assert.equal(isMailbox(bad), false, bad);
  });
});
