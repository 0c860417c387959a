import type { AccountMailPurpose } from '../../domain/email/account-mail.js';
import { anchor, escapeHtml, paragraphs } from '../../domain/email/email-rendering.js';
import { DEFAULT_LOCALE } from '../../domain/i18n/locales.js';
import { interpolate } from '../../domain/i18n/message-catalogue.js';
import type { CommandContext } from '../context.js';
import type { MailSettings } from '../email/mail-settings.js';
import { memberOf } from './user-commands.js';

type MailContext = Pick<CommandContext, 'workspaceId' | 'clock' | 'tx' | 'ids'>;

/**
 * Puts the mail that carries an invitation or reset link to its person in the account outbox, in
 * the transaction that made the link; the worker sends it. `path` is the link's path on the
 * dashboard (see `accountLinkPath`), joined to the public address here.
 */
export async function queueAccountLinkMail(ctx: MailContext, mail: MailSettings, userId: string, purpose: AccountMailPurpose, path: string): Promise<void> {
  const { user } = await memberOf(ctx, userId);
  const workspace = (await ctx.tx.workspaces.get(ctx.workspaceId))!;
  const t = mail.catalogue.forLocale(DEFAULT_LOCALE);
  const link = `${mail.publicUrl}${path}`;
  const values = { name: user.name, workspace_name: workspace.name };
  const body = t(`email.account_${purpose}.body`);
  const now = ctx.clock.now();
  await ctx.tx.accountMails.insert({
    id: ctx.ids.next('acm'), workspaceId: ctx.workspaceId, userId: user.id, purpose, recipient: user.email,
    subject: t(`email.account_${purpose}.subject`, values).replace(/\s+/g, ' ').trim(),
    text: interpolate(body, { ...values, link }),
    html: `<!doctype html><html lang="${DEFAULT_LOCALE}"><body>${paragraphs(interpolate(escapeHtml(body), {
      name: escapeHtml(user.name), workspace_name: escapeHtml(workspace.name), link: anchor(link, link),
    }))}</body></html>`,
    status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null,
  });
}
