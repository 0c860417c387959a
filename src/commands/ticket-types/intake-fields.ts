import { sharedCatalogue } from '../../adapters/i18n/load-catalogue.js';
import { fail } from '../../domain/errors.js';
import { resolveLocale } from '../../domain/i18n/locales.js';
import type { JsonObject } from '../../domain/shared/json.js';
import { DEFAULT_TYPE } from '../../domain/ticket/ticket.js';
import { SYSTEM_ACTOR } from '../../domain/shared/actor.js';
import type { Ticket, TicketDraft, TicketPatch } from '../../domain/ticket/ticket.js';
import { checkFieldValues, localized, missingFields, type FieldDefinition, type TicketType } from '../../domain/ticket/ticket-type.js';
import type { CommandContext } from '../context.js';
import { addCommentCommand } from '../add-comment.js';

/** The workspace's definition of a type, or null when it configured none (then nothing is checked). */
async function typeOf(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, name: string): Promise<TicketType | null> {
  return (await ctx.tx.ticketTypes.get(ctx.workspaceId, name)) ?? null;
}

function assertValues(type: TicketType, values: JsonObject): void {
  const errors = checkFieldValues(type, values);
  if (errors.length > 0) throw fail('invalid_fields', `${errors.length} field value(s) do not fit the type "${type.name}".`, { errors });
}

/**
 * Checks a draft's fields against its type: values that do not fit are refused (`invalid_fields`);
 * required fields left empty make it `needs_info` unless it is assigned at once. Returns the draft
 * to create and what is missing.
 */
export async function checkIntakeFields(ctx: CommandContext, draft: TicketDraft): Promise<{ draft: TicketDraft; missing: FieldDefinition[] }> {
  const type = await typeOf(ctx, draft.type ?? DEFAULT_TYPE);
  if (!type) return { draft, missing: [] };
  assertValues(type, draft.fields ?? {});
  const missing = missingFields(type, draft.fields ?? {});
  const waits = missing.length > 0 && !draft.assigneeId && (draft.status ?? 'queued') === 'queued';
  return { draft: waits ? { ...draft, status: 'needs_info' } : draft, missing };
}

/** Tells the requester, in their language, which fields are still needed: a public reply on the ticket. */
export async function askForMissingFields(ctx: CommandContext, ticket: Ticket, missing: FieldDefinition[]): Promise<Ticket> {
  if (missing.length === 0 || ticket.status !== 'needs_info') return ticket;
  const locale = resolveLocale(ticket.language);
  const t = sharedCatalogue().forLocale(locale);
  const fields = missing.map((field) => localized(field.label, locale)).join(t('intake.needs_info.separator'));
  const { ticket: asked } = await addCommentCommand({ ...ctx, actor: SYSTEM_ACTOR }, ticket.id, { body: t('intake.needs_info.reply', { fields }), visibility: 'public' });
  return asked;
}

/**
 * Checks a change's field values against the ticket's (possibly new) type, and moves a
 * `needs_info` ticket back to the queue once nothing required is missing.
 */
export async function completeFieldsPatch(ctx: CommandContext, current: Ticket, patch: TicketPatch): Promise<TicketPatch> {
  if (patch.fields === undefined && patch.type === undefined && current.status !== 'needs_info') return patch;
  const type = await typeOf(ctx, patch.type ?? current.type);
  if (!type) return patch;
  const fields = patch.fields ?? current.fields;
  if (patch.fields !== undefined) assertValues(type, fields);
  const stillWaiting = current.status === 'needs_info' && patch.status === undefined && current.assigneeId === null && patch.assigneeId == null;
  return stillWaiting && missingFields(type, fields).length === 0 ? { ...patch, status: 'queued' } : patch;
}
