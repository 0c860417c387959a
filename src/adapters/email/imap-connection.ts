import { isIP } from 'node:net';
import { ImapFlow } from 'imapflow';
import { fail } from '../../domain/errors.js';
import type { Mailbox, MailboxInput } from '../../domain/inbound/mailbox.js';
import { checkHost, type CheckedHost } from '../net/public-host.js';

/** The largest message the reader fetches; a larger one is skipped with an error in the mailbox's status. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** How long connecting (DNS, TCP, TLS) and the greeting may take before the attempt fails. */
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * Checks a mailbox's host as webhook targets are checked (public addresses only, unless private
 * hosts are allowed) and allows `tls: none` on loopback alone; the address is the one to connect to.
 */
export async function checkMailboxHost(input: Pick<MailboxInput, 'host' | 'tls'>, allowPrivate: boolean): Promise<CheckedHost> {
  const refusal = { rule: 'mailboxes are read from public hosts', refuse: (message: string) => fail('mailbox_host_refused', message, { path: '/host' }) };
  const checked = await checkHost(input.host, allowPrivate, refusal);
  if (input.tls === 'none' && checked.blocked !== 'loopback') {
    throw fail('invalid_mailbox', 'A mailbox is read without TLS only on loopback; use implicit or starttls.', { path: '/tls', message: 'tls: none needs a loopback host' });
  }
  return checked;
}

/** An IMAP client for the mailbox, connected to the checked address (the host name kept for TLS). */
export function imapClient(mailbox: Mailbox, at: CheckedHost): ImapFlow {
  return new ImapFlow({
    host: at.address,
    port: mailbox.port,
    secure: mailbox.tls === 'implicit',
    doSTARTTLS: mailbox.tls === 'starttls' ? true : mailbox.tls === 'none' ? false : undefined,
    // TLS checks the certificate against the name; an address literal is not a name to send (SNI).
    servername: isIP(mailbox.host.replace(/^\[|\]$/g, '')) ? undefined : mailbox.host,
    auth: { user: mailbox.username, pass: mailbox.password },
    logger: false,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    // IDLE soon after each read, so the server's EXISTS for new mail comes at once.
    autoIdleDelay: 1000,
    maxLiteralSize: MAX_MESSAGE_BYTES,
    maxResponseSize: MAX_MESSAGE_BYTES * 2,
  });
}

/** What a test of the settings found: the folder's message count, or why it could not be read. */
export type MailboxProbe = { ok: true; messages: number } | { ok: false; error: string };

/** Connects, signs in and looks at the folder, changing nothing; any failure is the answer, not a throw. */
export async function probeMailbox(mailbox: Mailbox, allowPrivate: boolean): Promise<MailboxProbe> {
  let client: ImapFlow | undefined;
  try {
    client = imapClient(mailbox, await checkMailboxHost(mailbox, allowPrivate));
    client.on('error', () => {});
    await client.connect();
    const status = await client.status(mailbox.folder, { messages: true });
    return { ok: true, messages: status.messages ?? 0 };
  } catch (error) {
    return { ok: false, error: imapErrorText(error) };
  } finally {
    await client?.logout().catch(() => {});
  }
}

/** A failure as the status shows it: the server's own answer where it gave one, never the password. */
export function imapErrorText(error: unknown): string {
  const { message, responseText, code } = error as { message?: string; responseText?: string; code?: string };
  const text = responseText ? `${message ?? 'IMAP error'}: ${responseText}` : message ?? String(error);
  return code && !text.includes(code) ? `${text} (${code})` : text;
}
