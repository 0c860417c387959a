import type { DomainEvent, EntityKind, NewDomainEvent } from '../domain/shared/event.js';
import type { JsonObject } from '../domain/shared/json.js';
import type { Ticket } from '../domain/ticket/ticket.js';
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
  return (await recordEvents(ctx, [input]))[0]!;
}

export interface RecordOptions {
  /** The ticket the entries are about as it now stands, so its notifications need not read it again. */
  ticket?: Ticket;
  /** Writes the entries and gives their ids in order (by default appended to the history by themselves). */
  append?: (events: readonly NewDomainEvent[]) => Promise<number[]>;
}

/** Appends several history entries at once (one statement), with their outbox rows. */
export async function recordEvents(ctx: EventContext, inputs: readonly EventInput[], options: RecordOptions = {}): Promise<DomainEvent[]> {
  const at = ctx.clock.now();
  const events: NewDomainEvent[] = inputs.map((input) => ({
    workspaceId: ctx.workspaceId,
    entityKind: input.entityKind,
    entityId: input.entityId,
    ticketId: input.ticketId ?? null,
    type: input.type,
    actor: ctx.actor,
    at,
    before: input.before ?? null,
    after: input.after ?? null,
    data: input.data ?? null,
  }));
  const ids = await (options.append ?? ((rows) => ctx.tx.events.appendMany(rows)))(events);
  const recorded: DomainEvent[] = events.map((event, i) => ({ ...event, id: ids[i]! }));
  await enqueueWebhooks(ctx, recorded.map((event, i) => ({ event, endpointId: inputs[i]!.webhook })));
  for (const event of recorded) {
    if (ctx.mail) await enqueueEmails(ctx, ctx.mail, event, options.ticket);
    ctx.unit?.noteEvent(ctx.cause, event);
  }
  return recorded;
}
