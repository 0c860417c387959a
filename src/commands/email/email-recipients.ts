import { isMailbox, type RecipientKind } from '../../domain/email/email-message.js';
import { agentLocale, requesterLocale, type Recipient } from '../../domain/email/notification-plan.js';
import type { PartyDocument } from '../../domain/escalation/escalation-config.js';
import type { Locale } from '../../domain/i18n/locales.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { approverRolesAtLeast } from '../../domain/approval/approval.js';
import { loadWorkflow } from '../automation/workflow.js';
import type { EventContext } from '../context.js';

/** Someone a notification is addressed to, in their language. */
export interface ResolvedRecipient {
  address: string;
  kind: RecipientKind;
  locale: Locale;
  name: string;
}

/**
 * The addresses a recipient stands for: none when they have no e-mail (or were removed). Only
 * single mailboxes pass, whatever an import or a CRM stored, so a mail never fans out to a list.
 */
export async function resolveRecipients(ctx: EventContext, ticket: Ticket, recipient: Recipient): Promise<ResolvedRecipient[]> {
  return (await candidates(ctx, ticket, recipient)).filter((r) => isMailbox(r.address));
}

async function candidates(ctx: EventContext, ticket: Ticket, recipient: Recipient): Promise<ResolvedRecipient[]> {
  switch (recipient.kind) {
    case 'requester': {
      const address = ticket.customer?.email;
      return address ? [{ address, kind: 'requester', locale: requesterLocale(ticket), name: ticket.customer?.name ?? address }] : [];
    }
    case 'agent':
      return agentRecipients(ctx, [recipient.agentId]);
    case 'party':
      return partyRecipients(ctx, recipient.party);
    case 'queue_owner': {
      const owner = await queueOwner(ctx, ticket);
      return owner ? partyRecipients(ctx, owner) : [];
    }
    case 'approvers':
      return approverRecipients(ctx, recipient.approvalId);
  }
}

/** The agents who may still answer an awaiting approval: those it names, its team's, or those holding its role or a higher one. */
async function approverRecipients(ctx: EventContext, approvalId: string): Promise<ResolvedRecipient[]> {
  const approval = await ctx.tx.approvals.get(ctx.workspaceId, approvalId);
  if (!approval || approval.status !== 'awaiting') return [];
  const voted = new Set(approval.votes.flatMap((vote) => (vote.agentId ? [vote.agentId] : [])));
  const { approvers } = approval;
  let agentIds: string[];
  if ('agents' in approvers) agentIds = approvers.agents;
  else if ('team' in approvers) agentIds = (await ctx.tx.agents.listAll(ctx.workspaceId)).filter((agent) => agent.teams.includes(approvers.team)).map((agent) => agent.id);
  else {
    const roles = new Set(approverRolesAtLeast(approvers.role));
    agentIds = (await ctx.tx.tokens.list(ctx.workspaceId)).filter((token) => roles.has(token.role) && token.revokedAt === null && token.agentId !== null).map((token) => token.agentId!);
  }
  return agentRecipients(ctx, agentIds.filter((id) => !voted.has(id)));
}

async function agentRecipients(ctx: EventContext, agentIds: readonly string[]): Promise<ResolvedRecipient[]> {
  const out: ResolvedRecipient[] = [];
  for (const id of new Set(agentIds)) {
    const agent = await ctx.tx.agents.get(ctx.workspaceId, id);
    if (agent?.email && agent.removedAt === null) out.push({ address: agent.email, kind: 'agent', locale: agentLocale(agent.languages), name: agent.name });
  }
  return out;
}

/** One agent, or every agent a live token of the role belongs to. */
async function partyRecipients(ctx: EventContext, party: PartyDocument): Promise<ResolvedRecipient[]> {
  if ('agent' in party) return agentRecipients(ctx, [party.agent]);
  const tokens = await ctx.tx.tokens.list(ctx.workspaceId);
  const agents = tokens.filter((token) => token.role === party.role && token.revokedAt === null && token.agentId !== null).map((token) => token.agentId!);
  return agentRecipients(ctx, agents);
}

/** The accountable owner of the lowest escalation level that works the ticket's queue, else of level 1. */
async function queueOwner(ctx: EventContext, ticket: Ticket): Promise<PartyDocument | null> {
  const levels = (await loadWorkflow(ctx.tx, ctx.workspaceId))?.escalation.levels;
  if (!levels) return null;
  const ofQueue = [...levels.values()].filter((level) => level.queue === ticket.queue).sort((a, b) => a.level - b.level)[0];
  return (ofQueue ?? levels.get(1))?.owner ?? null;
}
