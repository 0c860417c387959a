import { fail } from '../domain/errors.js';
import type { Ticket, TicketLink } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';

const MAX_BLOCKER_WALK = 1000;

/** Throws `invalid_reference` unless the agent exists in the workspace and is not removed. */
export async function assertAssignable(ctx: CommandContext, agentId: string, path: string): Promise<void> {
  const agent = await ctx.tx.agents.get(ctx.workspaceId, agentId);
  if (!agent || agent.removedAt !== null) {
    throw fail('invalid_reference', `No agent ${agentId} in this workspace.`, { path });
  }
}

/** Throws unless every link points at another existing ticket and no `blocked_by` cycle forms. */
export async function assertValidLinks(ctx: CommandContext, ticketId: string, links: readonly TicketLink[]): Promise<void> {
  const targets = links.map((link) => link.ticketId);
  const found = await ctx.tx.tickets.existing(ctx.workspaceId, targets);
  links.forEach((link, i) => {
    if (link.ticketId === ticketId) throw fail('invalid_link', 'A ticket cannot link to itself.', { path: `/links/${i}` });
    if (!found.has(link.ticketId)) {
      throw fail('invalid_reference', `No ticket ${link.ticketId} in this workspace.`, { path: `/links/${i}/ticket_id` });
    }
  });
  for (const [i, link] of links.entries()) {
    if (link.kind === 'blocked_by' && (await blocks(ctx, ticketId, link.ticketId))) {
      throw fail('invalid_link', 'That dependency would make a cycle.', { path: `/links/${i}` });
    }
  }
}

/** True when `start` already (transitively) waits on `ticketId`. */
async function blocks(ctx: CommandContext, ticketId: string, start: string): Promise<boolean> {
  const seen = new Set<string>([start]);
  const pending = [start];
  while (pending.length > 0 && seen.size <= MAX_BLOCKER_WALK) {
    const current: Ticket | undefined = await ctx.tx.tickets.get(ctx.workspaceId, pending.pop()!);
    for (const link of current?.links ?? []) {
      if (link.kind !== 'blocked_by') continue;
      if (link.ticketId === ticketId) return true;
      if (!seen.has(link.ticketId)) {
        seen.add(link.ticketId);
        pending.push(link.ticketId);
      }
    }
  }
  return false;
}
