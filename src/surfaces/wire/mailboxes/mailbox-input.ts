import type { Static } from 'typebox';
import type { MailboxInput } from '../../../domain/inbound/mailbox.js';
import type { MailboxBody } from './mailbox-schemas.js';

/** A create body as the domain's input: the folder INBOX and the action `mark_seen` unless the body says otherwise. */
export function mailboxInputFrom(body: Static<typeof MailboxBody>): MailboxInput {
  return {
    address: body.address.toLowerCase(),
    host: body.host.toLowerCase(),
    port: body.port,
    tls: body.tls,
    username: body.username,
    password: body.password,
    folder: body.folder ?? 'INBOX',
    afterImport: body.after_import ?? 'mark_seen',
    moveTo: body.move_to ?? null,
  };
}
