import type { Locale } from '../i18n/locales.js';
import { interpolate, placeholders, type MessageCatalogue } from '../i18n/message-catalogue.js';
import { REQUESTER_KINDS, type EmailKind } from './email-message.js';

/** Variables every kind may use. */
const COMMON_VARIABLES = ['ticket_ref', 'ticket_title', 'workspace_name', 'requester_name', 'agent_name'] as const;

/** What each kind may use besides the common ones; a template naming anything else is refused. */
const KIND_VARIABLES: Readonly<Record<EmailKind, readonly string[]>> = {
  received: ['status_url'],
  replied: ['status_url', 'comment'],
  status_changed: ['status_url', 'status'],
  resolved: ['status_url', 'rating_links'],
  still_working: ['status_url'],
  assigned: ['priority'],
  offered: ['priority'],
  escalated: ['priority', 'level', 'reason'],
  sla_warning: ['priority', 'metric'],
  approval_requested: ['priority', 'reason'],
};

export const SUBJECT_LIMIT = 200;
export const TEXT_LIMIT = 10_000;

/** The variables a template of this kind may use. */
export function emailVariables(kind: EmailKind): string[] {
  return [...COMMON_VARIABLES, ...KIND_VARIABLES[kind]];
}

/** One mistake in a workspace's template, at the field it is in. */
export interface TemplateProblem {
  path: '/subject' | '/text';
  message: string;
}

/** Promises every unknown `{variable}` of a template (none: it renders). */
export function checkEmailTemplate(kind: EmailKind, template: { subject: string; text: string }): TemplateProblem[] {
  const allowed = new Set(emailVariables(kind));
  const problems: TemplateProblem[] = [];
  for (const path of ['/subject', '/text'] as const) {
    const unknown = [...new Set(placeholders(path === '/subject' ? template.subject : template.text))].filter((name) => !allowed.has(name));
    for (const name of unknown) problems.push({ path, message: `Unknown variable {${name}}; a ${kind} mail may use ${[...allowed].map((v) => `{${v}}`).join(', ')}.` });
  }
  return problems;
}

/** What a notification says, before it is put into a language. */
export interface EmailContent {
  kind: EmailKind;
  locale: Locale;
  /** Plain values (ticket title, comment, names); escaped in the HTML part. */
  values: Readonly<Record<string, string>>;
  /** Links (`status_url`, `unsubscribe_url`): clickable in the HTML part. */
  links: Readonly<Record<string, string>>;
  /** The five rating links of a resolved ticket, for 1 to 5. */
  ratingUrls: readonly string[];
  /** The workspace's wording of this kind and locale, replacing the catalogue's. */
  override: { subject: string; text: string } | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Promises the subject, the text part and the HTML part of a notification in its locale: every
 * value is escaped in the HTML (so ticket text never becomes markup), and the footer — status link
 * and unsubscribe line for requesters — always comes from the catalogue, whatever a template says.
 */
export function renderEmail(catalogue: MessageCatalogue, content: EmailContent): RenderedEmail {
  const t = catalogue.forLocale(content.locale);
  const subjectTemplate = content.override?.subject ?? t(`email.${content.kind}.subject`);
  const bodyTemplate = content.override?.text ?? t(`email.${content.kind}.body`);
  const footerTemplate = REQUESTER_KINDS.has(content.kind)
    ? `${t('email.footer.status')}\n${t('email.footer.unsubscribe')}`
    : t('email.footer.agent');
  const ratingText = content.ratingUrls.map((url, i) => t('email.rating.option', { rating: i + 1, url })).join('\n');
  const textValues = { ...content.values, ...content.links, rating_links: ratingText };
  const htmlValues = {
    ...mapValues(content.values, escapeHtml),
    ...mapValues(content.links, (url) => anchor(url, url)),
    rating_links: content.ratingUrls.map((url, i) => anchor(url, `${i + 1} ★`)).join(' · '),
  };
  const text = `${interpolate(bodyTemplate, textValues)}\n\n-- \n${interpolate(footerTemplate, textValues)}`;
  const html = `<!doctype html><html lang="${content.locale}"><body>${paragraphs(interpolate(escapeHtml(bodyTemplate), htmlValues))}`
    + `<hr>${paragraphs(interpolate(escapeHtml(footerTemplate), htmlValues))}</body></html>`;
  // A subject is one line, whatever a title or template holds.
  return { subject: interpolate(subjectTemplate, textValues).replace(/\s+/g, ' ').trim(), text, html };
}

/** The five characters that make markup, as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function anchor(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

/** Blank lines separate paragraphs; single line breaks stay line breaks. */
export function paragraphs(html: string): string {
  return html.split(/\n{2,}/).map((block) => `<p>${block.replace(/\n/g, '<br>')}</p>`).join('');
}

function mapValues(values: Readonly<Record<string, string>>, map: (value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, map(value)]));
}
