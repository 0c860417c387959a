import { sharedCatalogue } from '../adapters/i18n/load-catalogue.js';
import { SmtpMailer } from '../adapters/email/smtp-mailer.js';
import type { Mailer } from '../domain/email/mailer.js';
import type { MailSettings } from '../commands/email/mail-settings.js';
import type { Config } from '../config/config.js';
import { DEFAULT_LINK_TTL_MS } from '../commands/portal/requester-links.js';
import { DAY_MS } from './portal-setup.js';

type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl' | 'linkTtlDays'>;

/** What the process needs to queue and send mail. */
export interface OutboundEmail {
  settings: MailSettings;
  mailer: Mailer;
}

/** The settings commands queue mail with: links on the public URL, Message-IDs on its host (else the From domain). */
export function mailSettingsFrom(config: Pick<Config, 'mailFrom' | 'publicUrl'> & Partial<Pick<Config, 'linkTtlDays'>>): MailSettings {
  const publicUrl = config.publicUrl.replace(/\/+$/, '');
  const fromDomain = /@([^\s>]+)/.exec(config.mailFrom)?.[1] ?? 'localhost';
  const linkTtlMs = config.linkTtlDays === undefined ? DEFAULT_LINK_TTL_MS : config.linkTtlDays * DAY_MS;
  return { catalogue: sharedCatalogue(), publicUrl, messageIdHost: new URL(publicUrl).hostname || fromDomain, linkTtlMs };
}

/** The configured outbound mail, or null when `smtpUrl` is unset: then nothing is queued or sent. */
export function outboundEmailFrom(config: MailConfig): OutboundEmail | null {
  if (!config.smtpUrl) return null;
  return { settings: mailSettingsFrom(config), mailer: new SmtpMailer({ url: config.smtpUrl, from: config.mailFrom }) };
}

/** What the start-up banner says about mail: the server's host and port, never the user or password in the URL. */
export function describeMail(config: Pick<Config, 'smtpUrl'>): string {
  if (!config.smtpUrl) return 'off (set SWITCHBOARD_SMTP_URL to send notifications)';
  const url = new URL(config.smtpUrl);
  return `${url.protocol}//${url.host}`;
}
