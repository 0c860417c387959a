import { sharedCatalogue } from '../../adapters/i18n/load-catalogue.js';
import { resolveLocale } from '../../domain/i18n/locales.js';
import { SYSTEM_ACTOR } from '../../domain/shared/actor.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Comment } from '../../domain/ticket/comment.js';
import { localized, type FieldDefinition } from '../../domain/ticket/ticket-type.js';
import type { Ticket } from '../../domain/ticket/ticket.js';

/** The public reply that asks a requester for the required fields their request came without. */
export function needsInfoReply(ticket: Ticket, missing: readonly FieldDefinition[], now: number, ids: IdGenerator): Comment | null {
  if (missing.length === 0 || ticket.status !== 'needs_info') return null;
  const locale = resolveLocale(ticket.language);
  const t = sharedCatalogue().forLocale(locale);
  const fields = missing.map((field) => localized(field.label, locale)).join(t('intake.needs_info.separator'));
  return {
    id: ids.next('cmt'), workspaceId: ticket.workspaceId, ticketId: ticket.id, visibility: 'public',
    authorKind: SYSTEM_ACTOR.kind, authorId: SYSTEM_ACTOR.id, authorName: SYSTEM_ACTOR.name,
    body: t('intake.needs_info.reply', { fields }), createdAt: now,
  };
}
