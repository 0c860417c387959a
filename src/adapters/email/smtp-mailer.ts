import type * as Nodemailer from 'nodemailer';
import { lazyModule } from '../../domain/shared/lazy-module.js';
import type { Mailer, OutgoingMail, SendResult } from '../../domain/email/mailer.js';

/** Loaded when a mailer is made: a server without SMTP settings keeps ~10 MB. */
const nodemailer = lazyModule<typeof Nodemailer>('nodemailer');

export interface SmtpOptions {
  /** `smtp://` or `smtps://`, with `user:password@` when the server wants them (never logged). */
  url: string;
  /** The From header, e.g. `Switchboard <no-reply@example.com>`. */
  from: string;
  /** How long connecting, the greeting and each command may take (ms). */
  timeoutMs?: number;
}

/**
 * One pooled nodemailer transport for the process: connections are kept open and reused, so a
 * burst of notifications does not open one connection per mail.
 */
export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(private readonly options: SmtpOptions) {
    const timeout = options.timeoutMs ?? 30_000;
    this.transport = nodemailer().createTransport({
      url: options.url, pool: true, maxConnections: 3, logger: false, debug: false,
      connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout,
    });
  }

  async send(message: OutgoingMail): Promise<SendResult> {
    try {
      await this.transport.sendMail({
        from: this.options.from, to: { name: '', address: message.recipient }, subject: message.subject, text: message.text, html: message.html,
        messageId: message.messageId ? `<${message.messageId}>` : undefined,
        inReplyTo: message.inReplyTo ? `<${message.inReplyTo}>` : undefined,
        references: message.references?.map((id) => `<${id}>`),
        list: message.unsubscribeUrl ? { unsubscribe: { url: message.unsubscribeUrl, comment: 'Unsubscribe' } } : undefined,
        headers: {
          // RFC 3834: an auto-responder must not answer, so two systems never mail each other in a loop.
          'Auto-Submitted': 'auto-generated',
          ...(message.unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        },
      });
      return { ok: true };
    } catch (error) {
      const failure = error as Error & { code?: string; responseCode?: number; response?: string };
      // Only a refusal of this mail or its recipient says something about the mail; a refused login
      // or a lost connection is the same for every mail, so those are retried until it is fixed.
      const aboutTheMail = failure.code === 'EENVELOPE' || failure.code === 'EMESSAGE';
      return { ok: false, error: failure.response ?? failure.message, responseCode: aboutTheMail ? failure.responseCode ?? null : null };
    }
  }

  close(): void {
    this.transport.close();
  }
}
