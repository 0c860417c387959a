import type { DistributionDocument } from '../../domain/simulator/distributions.js';
import { MAX_REPLAYED_TICKETS, type ReplayedArrival } from '../../domain/simulator/scenario.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';

/** A window of the workspace's history a scenario replays or draws handle times from. */
export interface HistoryWindow {
  from: number;
  to: number;
}

export interface HistorySample {
  /** Tickets created in the window, as replayed arrivals (seconds after `from`). */
  arrivals: ReplayedArrival[];
  /** Handle times (first response to resolution) of the window's resolved tickets, seconds. */
  handleTimes: number[];
  /** True when the window held more tickets than a replay takes. */
  truncated: boolean;
}

const PAGE = 500;

/**
 * Reads the tickets created in the window: what each was (type, channel, priority, tags, fields,
 * customer, language — not its queue, which the simulated policy decides) and, once resolved, how
 * long it was worked on (from the first response to resolution).
 */
export async function readHistory(ctx: CommandContext, window: HistoryWindow): Promise<HistorySample> {
  const arrivals: ReplayedArrival[] = [];
  const handleTimes: number[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await ctx.tx.tickets.list({ workspaceId: ctx.workspaceId, updatedSince: window.from, after, limit: PAGE });
    for (const ticket of page.items) {
      if (ticket.createdAt < window.from || ticket.createdAt >= window.to) continue;
      if (arrivals.length === MAX_REPLAYED_TICKETS) return { arrivals, handleTimes, truncated: true };
      const handleS = handleTimeOf(ticket);
      if (handleS !== null) handleTimes.push(handleS);
      arrivals.push(replayedFrom(ticket, window.from, handleS));
    }
    if (page.nextCursor === null) return { arrivals, handleTimes, truncated: false };
    after = page.nextCursor;
  }
}

/** The empirical distribution of the sample's handle times, or null when none resolved. */
export function historyDistribution(sample: HistorySample): DistributionDocument | null {
  return sample.handleTimes.length > 0 ? { dist: 'empirical', samples_s: sample.handleTimes } : null;
}

function handleTimeOf(ticket: Ticket): number | null {
  if (ticket.resolvedAt === null || ticket.firstResponseAt === null || ticket.resolvedAt < ticket.firstResponseAt) return null;
  return (ticket.resolvedAt - ticket.firstResponseAt) / 1000;
}

function replayedFrom(ticket: Ticket, from: number, handleS: number | null): ReplayedArrival {
  const arrival: ReplayedArrival = {
    at_s: (ticket.createdAt - from) / 1000,
    type: ticket.type,
    channel: ticket.channel,
    priority: ticket.priority,
    tags: ticket.tags,
    fields: ticket.fields,
  };
  if (handleS !== null) arrival.handle_s = handleS;
  if (ticket.customer) arrival.customer = ticket.customer;
  if (ticket.language) arrival.language = ticket.language;
  if (ticket.location) arrival.location = ticket.location;
  return arrival;
}
