/** The headers that tell machine-sent mail from mail a person wrote, by lower-case name. */
export type HeaderReader = (name: string) => string | null;

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const DAEMON_SENDERS = /^(mailer-daemon|postmaster)@/i;

/**
 * Why a message is an auto-reply, a bounce or other machine mail (RFC 3834 and common practice),
 * or null when nothing says so. Such mail must never open a ticket or be answered, or two
 * auto-responders answer each other for ever.
 */
export function autoReplyReason(header: HeaderReader, fromAddress: string | null): string | null {
  const submitted = header('auto-submitted')?.split(';')[0]!.trim().toLowerCase();
  if (submitted && submitted !== 'no') return 'auto_submitted';
  if (BULK_PRECEDENCE.has(header('precedence')?.trim().toLowerCase() ?? '')) return 'precedence';
  if (header('x-autoreply') !== null || header('x-autorespond') !== null) return 'x_autoreply';
  if (/^\s*multipart\/report\b/i.test(header('content-type') ?? '')) return 'delivery_report';
  if (fromAddress && DAEMON_SENDERS.test(fromAddress)) return 'mailer_daemon';
  const returnPath = header('return-path');
  if (returnPath !== null && /^<\s*>$/.test(returnPath.trim())) return 'null_return_path';
  return null;
}
