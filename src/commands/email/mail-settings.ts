import type { MessageCatalogue } from '../../domain/i18n/message-catalogue.js';

/**
 * What a process needs to queue notification mail; a command context without it queues none
 * (SWITCHBOARD_SMTP_URL unset), at no cost.
 */
export interface MailSettings {
  /** The translators' messages the mails are written from. */
  catalogue: MessageCatalogue;
  /** Base of the links in mails (SWITCHBOARD_PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  /** The right-hand side of every Message-ID Switchboard makes. */
  messageIdHost: string;
  /** How long the status and unsubscribe links in a mail stay good (SWITCHBOARD_LINK_TTL_DAYS). */
  linkTtlMs: number;
}
