import type { EmailMessage } from './email-message.js';

/** What handing one mail to the SMTP server came to; `responseCode` is the server's reply code when it gave one. */
export type SendResult = { ok: true } | { ok: false; error: string; responseCode: number | null };

/** What the mailer needs of a mail: notifications fill every field, account mails only the first four. */
export type OutgoingMail = Pick<EmailMessage, 'recipient' | 'subject' | 'text' | 'html'>
  & Partial<Pick<EmailMessage, 'messageId' | 'inReplyTo' | 'references' | 'unsubscribeUrl'>>;

/** The port mail goes out through (SMTP in production); the worker hands it each claimed mail. */
export interface Mailer {
  send(message: OutgoingMail): Promise<SendResult>;
  close(): void;
}
