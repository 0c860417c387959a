import { checkEmailTemplate, emailVariables, SUBJECT_LIMIT, TEXT_LIMIT } from '../../domain/email/email-rendering.js';
import { EMAIL_KINDS, type EmailKind, type EmailTemplate } from '../../domain/email/email-message.js';
import { fail } from '../../domain/errors.js';
import { LOCALES, type Locale } from '../../domain/i18n/locales.js';
import type { MessageCatalogue } from '../../domain/i18n/message-catalogue.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** One kind in one locale: what the catalogue says, and the workspace's own wording if it has one. */
export interface TemplateEntry {
  kind: EmailKind;
  locale: Locale;
  variables: string[];
  default: { subject: string; text: string };
  override: EmailTemplate | null;
}

/** Every kind × locale with its default from the catalogue and the workspace's override. */
export async function listEmailTemplates(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, catalogue: MessageCatalogue): Promise<TemplateEntry[]> {
  const overrides = await ctx.tx.emails.listTemplates(ctx.workspaceId);
  return EMAIL_KINDS.flatMap((kind) => LOCALES.map((locale) => ({
    kind, locale, variables: emailVariables(kind),
    default: { subject: catalogue.translate(locale, `email.${kind}.subject`), text: catalogue.translate(locale, `email.${kind}.body`) },
    override: overrides.find((o) => o.kind === kind && o.locale === locale) ?? null,
  })));
}

/** Saves the workspace's wording of one kind in one locale; an unknown `{variable}` is `invalid_email_template`. */
export async function setEmailTemplateCommand(ctx: CommandContext, kind: EmailKind, locale: Locale, input: { subject: string; text: string }): Promise<EmailTemplate> {
  const problems = checkEmailTemplate(kind, input);
  if (input.subject.length > SUBJECT_LIMIT) problems.push({ path: '/subject', message: `At most ${SUBJECT_LIMIT} characters.` });
  if (input.text.length > TEXT_LIMIT) problems.push({ path: '/text', message: `At most ${TEXT_LIMIT} characters.` });
  if (problems.length > 0) throw fail('invalid_email_template', problems.map((p) => p.message).join(' '), { errors: problems });
  const template: EmailTemplate = { workspaceId: ctx.workspaceId, kind, locale, subject: input.subject, text: input.text, updatedAt: ctx.clock.now() };
  await ctx.tx.emails.putTemplate(template);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type: 'email.template_saved', after: { kind, locale, subject: input.subject, text: input.text } });
  return template;
}

/** Goes back to the catalogue's wording; false when the workspace had none of its own. */
export async function resetEmailTemplateCommand(ctx: CommandContext, kind: EmailKind, locale: Locale): Promise<boolean> {
  const removed = await ctx.tx.emails.deleteTemplate(ctx.workspaceId, kind, locale);
  if (removed) await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type: 'email.template_reset', before: { kind, locale } });
  return removed;
}
