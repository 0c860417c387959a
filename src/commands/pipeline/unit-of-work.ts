import type { DomainEvent } from '../../domain/shared/event.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { Cause, CommandContext } from '../context.js';
import { appliesTo, type CommittedChange, type Reactions } from './reactor.js';

/** Events recorded on one ticket at one depth, waiting for the `react` reactors. */
interface PendingEvents {
  ticketId: string;
  events: DomainEvent[];
  depth: number;
  chain: string[];
}

/**
 * What one command (and what it set off) recorded on tickets in its transaction, waiting for the
 * `react` reactors. Reactions run in rounds: everything recorded on a ticket in one round is shown
 * to the reactors together, and what their intents record makes the next round.
 */
export class UnitOfWork {
  private readonly pending: PendingEvents[] = [];
  private readonly latest = new Map<string, Ticket>();
  /** Intents the reactors handed over so far (nothing reacted while it is 0). */
  carriedOut = 0;

  constructor(private readonly reactions: Reactions) {}

  /** Notes an event recorded on a ticket, at the depth of the context that recorded it. */
  noteEvent(cause: Cause | undefined, event: DomainEvent): void {
    if (event.ticketId === null) return;
    this.pending.push({ ticketId: event.ticketId, events: [event], depth: cause?.depth ?? 0, chain: cause?.chain ?? [] });
  }

  /** Notes a ticket as it was saved, so the command (and the next round) see it without reading it again. */
  noteSaved(ticket: Ticket): void {
    this.latest.set(ticket.id, ticket);
  }

  /** The ticket as this unit of work last saved it, if it saved it. */
  ticket(id: string): Ticket | undefined {
    return this.latest.get(id);
  }

  /** Runs the `react` reactors round after round until nothing is left to react to. */
  async drain(ctx: CommandContext): Promise<void> {
    const reactors = this.reactions.reactors.filter((reactor) => reactor.stage === 'react');
    while (this.pending.length > 0) {
      for (const round of nextRound(this.pending)) {
        const after = this.latest.get(round.ticketId) ?? (await ctx.tx.tickets.get(ctx.workspaceId, round.ticketId));
        if (!after) continue;
        const change: CommittedChange = { before: null, after, events: round.events, depth: round.depth, chain: round.chain };
        for (const reactor of reactors) {
          if (!appliesTo(reactor, change)) continue;
          await reactor.react(ctx, change, (intent) => {
            this.carriedOut++;
            return this.reactions.carryOut(ctx, intent);
          });
        }
      }
    }
  }
}

/**
 * Takes the events of the lowest depth out of `pending`, one entry per ticket in the order the
 * tickets were first touched; the chain is the longest seen (later entries carry more of it).
 */
function nextRound(pending: PendingEvents[]): PendingEvents[] {
  const depth = Math.min(...pending.map((entry) => entry.depth));
  const byTicket = new Map<string, PendingEvents>();
  for (let i = 0; i < pending.length; i++) {
    const entry = pending[i]!;
    if (entry.depth !== depth) continue;
    pending.splice(i--, 1);
    const earlier = byTicket.get(entry.ticketId);
    if (!earlier) byTicket.set(entry.ticketId, { ...entry, events: [...entry.events] });
    else {
      earlier.events.push(...entry.events);
      if (entry.chain.length > earlier.chain.length) earlier.chain = entry.chain;
    }
  }
  return [...byTicket.values()];
}

/**
 * Runs a command's work as one unit: its changes settle as they are saved, and the `react`
 * reactors see all it recorded once the work is done. Inside a unit already (a command carrying
 * out an intent, or a part of a composite command) it does not drain: the outer unit will.
 * `settle`, when given, turns the work's result into what the command returns once reactions ran.
 */
export async function inUnitOfWork<T>(
  ctx: CommandContext, work: (ctx: CommandContext) => Promise<T>, settle?: (ctx: CommandContext, result: T) => Promise<T>,
): Promise<T> {
  const outer = ctx.unit === undefined;
  const inner: CommandContext = outer ? { ...ctx, unit: new UnitOfWork(ctx.reactions) } : ctx;
  const result = await work(inner);
  if (outer) await inner.unit!.drain(inner);
  return settle ? settle(inner, result) : result;
}
