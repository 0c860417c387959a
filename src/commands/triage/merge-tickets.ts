import { fail } from '../../domain/errors.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { linkTicketCommand } from '../link-tickets.js';
import { loadTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import { updateTicketCommand } from '../update-ticket.js';

export interface MergeOutcome {
  /** The duplicate, now closed and linked `duplicate_of` the target. */
  merged: Ticket;
  target: Ticket;
  /** How many comments were carried over. */
  comments: number;
}

/**
 * Merges a duplicate into the ticket it repeats, in the caller's transaction: copies its
 * description (as an internal note) and its whole conversation to the target with the original
 * authors and times, links it `duplicate_of` the target and closes it. Refuses a merge into
 * itself, into a closed ticket, or of a closed ticket; a ticket of another workspace is not found.
 */
export async function mergeTicketCommand(ctx: CommandContext, id: string, intoId: string): Promise<MergeOutcome> {
  if (id === intoId) throw fail('invalid_merge', 'A ticket cannot be merged into itself.', { path: '/into' });
  const duplicate = await loadTicket(ctx, id);
  const target = await loadTicket(ctx, intoId);
  if (target.status === 'closed') throw fail('invalid_merge', `Ticket ${intoId} is closed; merge into an open ticket.`, { path: '/into' });
  if (duplicate.status === 'closed') throw fail('invalid_merge', `Ticket ${id} is closed already.`, { path: '/id' });
  const comments = await copyConversation(ctx, duplicate, target.id);
  await linkTicketCommand(ctx, duplicate.id, { kind: 'duplicate_of', ticketId: target.id });
  const merged = await updateTicketCommand(ctx, duplicate.id, { status: 'closed' });
  await recordEvent(ctx, {
    entityKind: 'ticket',
    entityId: target.id,
    ticketId: target.id,
    type: 'ticket.merged_in',
    data: { ticket_id: duplicate.id, comments },
  });
  await recordEvent(ctx, {
    entityKind: 'ticket',
    entityId: duplicate.id,
    ticketId: duplicate.id,
    type: 'ticket.merged',
    data: { into: target.id, comments },
  });
  return { merged, target: await loadTicket(ctx, target.id), comments };
}

/** Copies the duplicate's description and comments to the target; the duplicate keeps its own, so its history stays whole. */
async function copyConversation(ctx: CommandContext, duplicate: Ticket, targetId: string): Promise<number> {
  const base = { workspaceId: ctx.workspaceId, ticketId: targetId };
  await ctx.tx.comments.insert({
    ...base,
    id: ctx.ids.next('cmt'),
    visibility: 'internal',
    authorKind: 'system',
    authorId: null,
    authorName: null,
    body: `Merged from ${duplicate.id}: ${duplicate.title}${duplicate.description ? `\n\n${duplicate.description}` : ''}`,
    createdAt: ctx.clock.now(),
  });
  let copied = 0;
  let after: string | undefined;
  do {
    const page = await ctx.tx.comments.list(ctx.workspaceId, duplicate.id, after, 200);
    for (const comment of page.items) await ctx.tx.comments.insert({ ...comment, ...base, id: ctx.ids.next('cmt') });
    copied += page.items.length;
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return copied;
}
