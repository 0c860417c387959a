import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import { assertAssignable } from '../ticket-references.js';

/** Makes an agent watch a ticket (they hear of its changes); watching twice is once. */
export async function addWatcherCommand(ctx: CommandContext, ticketId: string, agentId: string): Promise<string[]> {
  await loadTicket(ctx, ticketId);
  await assertAssignable(ctx, agentId, '/agent');
  if (await ctx.tx.workflow.watchers.add(ctx.workspaceId, ticketId, agentId, ctx.clock.now())) {
    await recordEvent(ctx, { entityKind: 'ticket', entityId: ticketId, ticketId, type: 'ticket.watcher_added', data: { agent: agentId } });
  }
  return ctx.tx.workflow.watchers.list(ctx.workspaceId, ticketId);
}
