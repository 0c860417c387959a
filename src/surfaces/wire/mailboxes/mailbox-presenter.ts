import type { Mailbox } from '../../../domain/inbound/mailbox.js';
import { iso } from '../time.js';

/** A mailbox as the API shows it: never its password. */
export function presentMailbox(mailbox: Mailbox) {
  return {
    id: mailbox.id,
    address: mailbox.address,
    host: mailbox.host,
    port: mailbox.port,
    tls: mailbox.tls,
    username: mailbox.username,
    folder: mailbox.folder,
    after_import: mailbox.afterImport,
    move_to: mailbox.moveTo,
    status: { last_success_at: iso(mailbox.lastSuccessAt), last_error: mailbox.lastError, last_error_at: iso(mailbox.lastErrorAt) },
    created_at: iso(mailbox.createdAt),
  };
}
