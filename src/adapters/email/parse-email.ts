import { createHash } from 'node:crypto';
import type { AddressObject, Attachment, ParsedMail } from 'mailparser';
import { autoReplyReason } from '../../domain/inbound/auto-reply.js';
import { fail } from '../../domain/errors.js';
import type { InboundAttachment, InboundEmail } from '../../domain/inbound/inbound-email.js';
import { UNSTORABLE, storableText } from '../../domain/shared/storable-text.js';

/** Ids longer than this are not kept: no real Message-ID is, and index keys have a size limit. */
const MAX_ID_LENGTH = 900;
/** A reply's References beyond the newest ones add nothing to finding its thread. */
const MAX_THREAD_IDS = 50;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
/** A header field name (printable ASCII but the colon) and its colon, at the very start. */
const HEADER_FIELD = /^[!-9;-~]+:/;

/**
 * Reads a raw RFC 822 message with mailparser: headers unfolded and decoded (RFC 2047), body parts
 * decoded from their transfer encoding and charset (ISO-2022-JP, GB2312, ISO-8859-*, …), HTML
 * turned into text. Throws `invalid_email` when it has no header section or no From address.
 */
export async function parseRawEmail(raw: Buffer): Promise<InboundEmail> {
  if (!HEADER_FIELD.test(raw.subarray(0, 1000).toString('latin1'))) {
    throw fail('invalid_email', 'The body does not start with an RFC 822 header field ("Name: value").', { problem: 'no_headers' });
  }
  // Imported with the first mail: its parser, charsets and HTML-to-text cost ~20 MB, and most
  // servers never receive mail.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, checksumAlgo: 'sha256' });
  const from = firstAddress(mail.from);
  if (!from) throw fail('invalid_email', 'The message has no From address.', { problem: 'no_sender' });
  return {
    messageId: messageIdOf(mail, raw),
    replyTo: threadIdsOf(mail),
    from: { address: from.address, name: from.name ? storableText(from.name) : null },
    subject: storableText(mail.subject ?? ''),
    text: storableText(mail.text ?? ''),
    autoReply: autoReplyReason((name) => headerText(mail, name), from.address),
    attachments: mail.attachments.map(describeAttachment),
  };
}

function firstAddress(field: AddressObject | undefined): { address: string; name: string } | null {
  const first = (field?.value ?? []).flatMap((entry) => entry.group ?? [entry]).find((entry) => ADDRESS.test(entry.address ?? ''));
  return first ? { address: first.address!.toLowerCase(), name: first.name } : null;
}

/** The Message-ID, or a digest of the message: a re-post of the same bytes is still recognised. */
function messageIdOf(mail: ParsedMail, raw: Buffer): string {
  const id = bareId(mail.messageId ?? '');
  return id ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

function threadIdsOf(mail: ParsedMail): string[] {
  const references = typeof mail.references === 'string' ? [mail.references] : mail.references ?? [];
  const ids = [...(mail.inReplyTo ?? '').split(/\s+/), ...references.flatMap((r) => r.split(/\s+/)).reverse()];
  const bare = ids.map(bareId).filter((id): id is string => id !== null);
  return [...new Set(bare)].slice(0, MAX_THREAD_IDS);
}

function bareId(id: string): string | null {
  const bare = id.trim().replace(/^<|>$/g, '').trim();
  return bare && bare.length <= MAX_ID_LENGTH && !/\s/.test(bare) && !UNSTORABLE.test(bare) ? bare : null;
}

/** A header's first value as sent (unfolded, not decoded), or null when absent. */
function headerText(mail: ParsedMail, name: string): string | null {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  return line === undefined ? null : line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}

function describeAttachment(attachment: Attachment): InboundAttachment {
  return {
    filename: attachment.filename ? storableText(attachment.filename) : null,
    contentType: attachment.contentType,
    size: attachment.size,
    sha256: attachment.checksum,
  };
}
