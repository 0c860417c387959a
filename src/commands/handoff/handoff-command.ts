import { buildHandoffPacket, customerText, handoffTitle, type HandoffInput, type HandoffPacket } from '../../domain/handoff/handoff.js';
import type { JsonObject } from '../../domain/shared/json.js';
import { DONE_STATUSES } from '../../domain/ticket/status.js';
import type { Priority, Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { inUnitOfWork } from '../pipeline/unit-of-work.js';
import { recordEvent } from '../record-event.js';
import { submitTicketCommand } from '../intake/submit-ticket.js';
import { updateTicketCommand } from '../update-ticket.js';

/** A hand-off as the bot sends it, with what the new ticket should look like. */
export interface HandoffRequest extends HandoffInput {
  title?: string;
  priority?: Priority;
  queue?: string | null;
  tags?: string[];
  fields?: JsonObject;
}

export interface HandoffOutcome {
  ticket: Ticket;
  packet: HandoffPacket;
  created: boolean;
}

/**
 * Takes a conversation over from a bot. The first hand-off of a conversation creates a chat
 * ticket and routes it to a person; a later one updates that ticket while it is open (a new
 * ticket, linked to the old, once it is resolved). Either way the hand-off packet — summary,
 * context, attempts, signals, transcript — is stored on the ticket, and the escalation triggers
 * and automations then react with the packet in view.
 */
export async function handoffCommand(ctx: CommandContext, request: HandoffRequest): Promise<HandoffOutcome> {
  const previous = await ctx.tx.workflow.handoffs.latestForConversation(ctx.workspaceId, request.conversationId);
  const open = previous && !DONE_STATUSES.has((await loadTicket(ctx, previous.ticketId)).status) ? previous : undefined;
  return inUnitOfWork(ctx, async (ctx) => {
    const ticket = open ? await updateHandedOver(ctx, open.ticketId, request) : await createHandedOver(ctx, request, previous?.ticketId);
    const packet = buildHandoffPacket(request, ticket.customer, ticket.signals, ctx.clock.now(), open?.packet ?? null);
    await ctx.tx.workflow.handoffs.save(ctx.workspaceId, ticket.id, packet);
    await recordEvent(ctx, {
      entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'handoff.received',
      data: { conversation_id: request.conversationId, mode: request.mode, confidence: request.confidence, reason: request.reason, handoffs: packet.handoffs },
    });
    return { ticket, packet, created: !open };
  }, async (ctx, outcome) => ({ ...outcome, ticket: await loadTicket(ctx, outcome.ticket.id) }));
}

async function createHandedOver(ctx: CommandContext, request: HandoffRequest, earlier: string | undefined): Promise<Ticket> {
  const fields: JsonObject = { ...request.fields };
  if (request.intent && fields.category === undefined) fields.category = request.intent;
  const outcome = await submitTicketCommand(ctx, {
    title: request.title ?? handoffTitle(request),
    description: customerText(request.transcript),
    channel: 'chat',
    priority: request.priority,
    customer: request.customer,
    tags: ['handoff', ...(request.tags ?? [])],
    fields,
    queue: request.queue ?? null,
    links: earlier ? [{ kind: 'related', ticketId: earlier }] : [],
  });
  return outcome.ticket;
}

async function updateHandedOver(ctx: CommandContext, ticketId: string, request: HandoffRequest): Promise<Ticket> {
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticketId, ticketId, type: 'handoff.updated', data: { conversation_id: request.conversationId },
  });
  const description = customerText(request.transcript);
  const current = await loadTicket(ctx, ticketId);
  return description === current.description && !request.customer
    ? current
    : updateTicketCommand(ctx, ticketId, { description, ...(request.customer ? { customer: request.customer } : {}) });
}
