import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstUnreadUid, mailboxProblem, reconnectDelayMs, type MailboxInput } from './mailbox.js';

const INPUT: MailboxInput = {
  address: 'support@example.com', host: 'imap.example.com', port: 993, tls: 'implicit', username: 'support', password: 'secret',
  folder: 'INBOX', afterImport: 'mark_seen', moveTo: null,
};

describe('mailbox rules', () => {
  it('reads on past the last finished UID, and from the start when the folder\'s UIDVALIDITY changed', () => {
    assert.equal(firstUnreadUid({ uidValidity: 7, lastUid: 41 }, 7), 42);
    assert.equal(firstUnreadUid({ uidValidity: 7, lastUid: 41 }, 8), 1);
    assert.equal(firstUnreadUid({ uidValidity: null, lastUid: 0 }, 7), 1);
  });

  it('doubles the pause between reconnections from a second up to five minutes', () => {
    assert.deepEqual([1, 2, 3, 4].map(reconnectDelayMs), [1000, 2000, 4000, 8000]);
    assert.equal(reconnectDelayMs(9), 256_000);
    assert.equal(reconnectDelayMs(10), 300_000);
    assert.equal(reconnectDelayMs(1000), 300_000);
  });

  it('accepts a move only to another, named folder, and a folder to move to only with a move', () => {
    assert.equal(mailboxProblem(INPUT), null);
    assert.equal(mailboxProblem({ ...INPUT, afterImport: 'move', moveTo: 'Done' }), null);
    assert.equal(mailboxProblem({ ...INPUT, afterImport: 'move' })?.path, '/move_to');
    assert.equal(mailboxProblem({ ...INPUT, afterImport: 'move', moveTo: 'INBOX' })?.path, '/move_to');
    assert.equal(mailboxProblem({ ...INPUT, moveTo: 'Done' })?.path, '/move_to');
  });
});
