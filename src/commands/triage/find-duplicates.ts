import type { Ticket } from '../../domain/ticket/ticket.js';
import { duplicateSettingsOf } from '../../domain/triage/duplicates/duplicate-settings.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { suspectDuplicates } from './suspect-duplicates.js';

/** An open ticket whose text is nearly the ticket's, and whether the two are linked already. */
export interface DuplicateCandidate {
  ticket: Ticket;
  score: number;
  linked: boolean;
}

/**
 * The open tickets that look like duplicates of this one now, most similar first, at most
 * `limit`: the intake check run again on demand, with the workspace's scope and threshold (also
 * when intake linking is switched off). Changes nothing.
 */
export async function findDuplicatesCommand(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, ticketId: string, limit: number): Promise<DuplicateCandidate[]> {
  const ticket = await loadTicket(ctx, ticketId);
  const settings = duplicateSettingsOf((await ctx.tx.workspaces.get(ctx.workspaceId))?.settings ?? {});
  const suspects = await suspectDuplicates(ctx, ticket, { ...settings, enabled: true, maxLinks: limit });
  const candidates: DuplicateCandidate[] = [];
  for (const suspect of suspects) {
    candidates.push({ ticket: await loadTicket(ctx, suspect.id), score: suspect.score, linked: ticket.links.some((l) => l.ticketId === suspect.id) });
  }
  return candidates;
}
