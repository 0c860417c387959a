import type { DomainEvent, EntityKind, NewDomainEvent } from '../domain/shared/event.js';
import type { JsonObject } from '../domain/shared/json.js';
import type { EventContext } from './context.js';
import { enqueueEmails } from './email/enqueue-emails.js';
import { enqueueWebhooks } from './webhooks/outbox.js';

export interface EventInput {
  entityKind: EntityKind;
  entityId: string;
  ticketId?: string | null;
  type: string;
  before?: JsonObject | null;
  after?: JsonObject | null;
  data?: JsonObject | null;
  /** Post the event to this webhook endpoint only, instead of to every endpoint subscribed to its type. */
  webhook?: string;
}

/**
 * Appends one history entry in the command's transaction, stamped with its actor and time, and
 * in the same transaction the webhook deliveries that announce it and the mails it causes. An
 * entry about a ticket, recorded in a unit of work, is shown to the `react` reactors when it drains.
 */
export async function recordEvent(ctx: EventContext, input: EventInput): Promise<DomainEvent> {
  const event: NewDomainEvent = {
    workspaceId: ctx.workspaceId,
    entityKind: input.entityKind,
    entityId: input.entityId,
    ticketId: input.ticketId ?? null,
    type: input.type,
    actor: ctx.actor,
    at: ctx.clock.now(),
    before: input.before ?? null,
    after: input.after ?? null,
    data: input.data ?? null,
  };
  const recorded: DomainEvent = { ...event, id: await ctx.tx.events.append(event) };
  await enqueueWebhooks(ctx, recorded, input.webhook);
  if (ctx.mail) await enqueueEmails(ctx, ctx.mail, recorded);
  ctx.unit?.noteEvent(ctx.cause, recorded);
  return recorded;
}
