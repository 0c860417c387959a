/** A file attached to an inbound message: what it is, never its bytes. */
export interface InboundAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the decoded content, so the same file can be recognised later. */
  sha256: string;
}

/** An inbound e-mail as intake reads it, decoded to Unicode text whatever its charset was. */
export interface InboundEmail {
  /** Its Message-ID without angle brackets; a digest of the raw message when it had none. */
  messageId: string;
  /** Message-IDs it answers: In-Reply-To first, then References from the newest back. */
  replyTo: string[];
  from: { address: string; name: string | null };
  subject: string;
  /** The text part, or the HTML part turned into text. */
  text: string;
  /** Why it is an auto-reply or bounce (see `autoReplyReason`); null for mail a person wrote. */
  autoReply: string | null;
  attachments: InboundAttachment[];
}

/** What intake did with a message; also what a re-post of the same Message-ID answers. */
export type InboundOutcome = 'created' | 'threaded' | 'ignored_auto_reply';

/** A message intake has seen, kept so replies find their ticket and re-posts do nothing. */
export interface InboundMessageRecord {
  workspaceId: string;
  messageId: string;
  ticketId: string | null;
  outcome: InboundOutcome;
  createdAt: number;
}

export const TITLE_LIMIT = 500;
export const TEXT_LIMIT = 100_000;

/** A ticket id written into a subject by whoever answers it: `[#tkt_…]`. */
const SUBJECT_TOKEN = /\[#(tkt_[0-9A-HJKMNP-TV-Z]{26})\]/i;

/** The ticket id a subject carries as `[#tkt_…]`, or null. */
export function subjectTicketId(subject: string): string | null {
  const match = SUBJECT_TOKEN.exec(subject);
  return match ? `tkt_${match[1]!.slice(4).toUpperCase()}` : null;
}

/** A ticket title from a subject: without reply prefixes and the ticket token, never empty, at most 500 characters. */
export function titleFromSubject(subject: string): string {
  const title = subject.replace(SUBJECT_TOKEN, ' ').replace(/^\s*((re|fwd?|aw|sv|vs|wg|答复|回复|转发)\s*:\s*)+/i, '').replace(/\s+/g, ' ').trim();
  return (title || '(no subject)').slice(0, TITLE_LIMIT);
}

/** Text cut to what a ticket or comment holds. */
export function clipText(text: string): string {
  return text.length > TEXT_LIMIT ? text.slice(0, TEXT_LIMIT) : text;
}
