import { Type } from 'typebox';
import { AFTER_IMPORT_ACTIONS, MAILBOX_TLS_MODES } from '../../../domain/inbound/mailbox.js';
import { CreateBody, Nullable, Text, Timestamp } from '../common-schemas.js';

const Address = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@<>]+@[^\\s@<>]+$', description: 'the address requesters write to' });
/** A DNS name or an IP address (IPv6 in brackets or bare); anything else is not a host. */
const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^(\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)$' });
/** A folder name as IMAP lists it: printable, no control characters. */
const Folder = Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f]+$' });

/** Every field an admin writes on a mailbox. */
export const MailboxFields = Type.Object({
  address: Address,
  host: Host,
  port: Type.Integer({ minimum: 1, maximum: 65535, description: '993 for implicit TLS, 143 for STARTTLS' }),
  tls: Type.Union(MAILBOX_TLS_MODES.map((mode) => Type.Literal(mode)), { description: '`none` only on loopback' }),
  username: Text(320, 1),
  password: Type.String({ minLength: 1, maxLength: 1000, description: 'stored for signing in; never returned' }),
  folder: Folder,
  after_import: Type.Union(AFTER_IMPORT_ACTIONS.map((action) => Type.Literal(action)), { description: 'keep the message and flag it \\Seen, or move it' }),
  move_to: Nullable(Folder),
});

/** `POST /v1/mailboxes`: where and how to sign in; the folder defaults to INBOX, the action to `mark_seen`. */
export const MailboxBody = CreateBody(MailboxFields, ['address', 'host', 'port', 'tls', 'username', 'password']);

/** A mailbox as the API shows it: everything but the password, with how the reader fares. */
export const MailboxOutput = Type.Object({
  id: Type.String(),
  address: Type.String(),
  host: Type.String(),
  port: Type.Integer(),
  tls: Type.String(),
  username: Type.String(),
  folder: Type.String(),
  after_import: Type.String(),
  move_to: Nullable(Type.String()),
  status: Type.Object({
    last_success_at: Nullable(Timestamp),
    last_error: Nullable(Type.String()),
    last_error_at: Nullable(Timestamp),
  }),
  created_at: Timestamp,
});

/** `POST /v1/mailboxes/:id/test`: whether the server took the settings, changing nothing. */
export const MailboxProbeOutput = Type.Object({
  ok: Type.Boolean(),
  messages: Type.Optional(Type.Integer({ description: 'messages in the folder' })),
  error: Type.Optional(Type.String({ description: "the connection's or the server's answer" })),
});
