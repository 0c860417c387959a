import type { Placement } from '../../domain/routing/placement.js';
import type { Timer } from '../../domain/scheduling/timer.js';
import type { EventDraft, NewDomainEvent } from '../../domain/shared/event.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { saveTicket } from '../load-ticket.js';
import { recordEvents, type EventInput } from '../record-event.js';
import { appliesTo, type CommittedChange } from './reactor.js';
import { inUnitOfWork } from './unit-of-work.js';

/** What happened to a ticket, as a ticket command hands it to `commit` (optionally for one webhook endpoint only). */
export type TicketEvent = EventDraft & Pick<EventInput, 'webhook'>;

/** A change to one ticket: before (null for a new ticket), after, the events that tell it, and what it arms. */
export interface TicketChange {
  before: Ticket | null;
  after: Ticket;
  events: TicketEvent[];
  /** Timers the change sets (SLA warnings and breaches, time-outs). */
  timers?: Timer[];
  /** The routing decision that placed the ticket in this change, and the offer it made. */
  routed?: Pick<Placement, 'record' | 'offer'>;
}

/**
 * The one way a ticket change is saved: the row written once (inserted, or updated if still at
 * `before`'s version; `after === before` writes no row, only events), its timers and routing
 * rows, its events appended with their outbox rows (for a new ticket all in the statement of its
 * row where the backend can), then the `settle` reactors run and the change waits for the
 * `react` ones.
 */
export async function commit(ctx: CommandContext, change: TicketChange): Promise<CommittedChange> {
  return inUnitOfWork(ctx, async (ctx) => {
    const { before, after } = change;
    const timers = change.timers ?? [];
    const routed = change.routed ?? null;
    if (before !== null) {
      if (after !== before) await saveTicket(ctx, after, before);
      await ctx.tx.timers.insert(...timers);
      if (routed?.offer) await ctx.tx.offers.insert(routed.offer);
      if (routed) await ctx.tx.decisions.insert(routed.record);
    }
    const append = before === null
      ? (rows: readonly NewDomainEvent[]) => ctx.tx.tickets.insertWithEvents(after, rows, { timers, decision: routed?.record ?? null, offer: routed?.offer ?? null })
      : undefined;
    const inputs = change.events.map((event) => ({ ...event, entityKind: 'ticket' as const, entityId: after.id, ticketId: after.id }));
    const events = await recordEvents(ctx, inputs, { ticket: after, append });
    const committed: CommittedChange = { before, after, events, depth: ctx.cause?.depth ?? 0, chain: ctx.cause?.chain ?? [] };
    ctx.unit!.noteSaved(after);
    for (const reactor of ctx.reactions.reactors) {
      if (reactor.stage === 'settle' && appliesTo(reactor, committed)) await reactor.react(ctx, committed, (intent) => ctx.reactions.carryOut(ctx, intent));
    }
    return committed;
  });
}

/** Records events on a ticket without changing it, for the reactors to see (a rating, a hand-off). */
export function commitEvents(ctx: CommandContext, ticket: Ticket, events: TicketEvent[]): Promise<CommittedChange> {
  return commit(ctx, { before: ticket, after: ticket, events });
}

/** The ticket as the command's unit of work left it: reactions may have changed it after the command's own commit. */
export async function settledTicket(ctx: CommandContext, ticket: Ticket): Promise<Ticket> {
  return ctx.unit?.ticket(ticket.id) ?? (await ctx.tx.tickets.get(ctx.workspaceId, ticket.id)) ?? ticket;
}
