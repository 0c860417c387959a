import type { DomainEvent } from '../../domain/shared/event.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import type { Intent } from './intents.js';

/** One ticket's change as saved: the ticket before (null when it is new) and after, and what was recorded. */
export interface CommittedChange {
  before: Ticket | null;
  after: Ticket;
  events: DomainEvent[];
  /** How many rounds of reactions led to it: 0 for a person's or a client's own command. */
  depth: number;
  /** The automations that fired, in order, on the way to it (loop protection and its message). */
  chain: string[];
}

/** Hands an intent to the pipeline, which carries it out before the reactor goes on. */
export type CarryOut = (intent: Intent) => Promise<void>;

/**
 * A follow-up registered for the event types it cares about, as Outline's queue processors are
 * (`applicableEvents`). Reactors never import commands: what they want done they hand over as intents.
 *
 * - `settle` reactors run right after a change is saved, inside the command: the engine's own
 *   consistency (routing after a hand change, releasing blocked work, learning from outcomes).
 * - `react` reactors run once the command has settled, over everything it recorded on a ticket,
 *   round after round as their own intents record more (escalation triggers, automations).
 */
export interface Reactor {
  readonly name: string;
  readonly stage: 'settle' | 'react';
  /** The event types it reacts to; a change that recorded none of them is not shown to it. */
  readonly applicableEvents: ReadonlySet<string> | 'all';
  react(ctx: CommandContext, change: CommittedChange, carryOut: CarryOut): Promise<void>;
}

/** The reactors of a process and how their intents are carried out; built once, by the composition root. */
export interface Reactions {
  readonly reactors: readonly Reactor[];
  carryOut(ctx: CommandContext, intent: Intent): Promise<void>;
}

/** True when the change recorded an event the reactor listens to. */
export function appliesTo(reactor: Reactor, change: CommittedChange): boolean {
  const wanted = reactor.applicableEvents;
  return wanted === 'all' ? change.events.length > 0 : change.events.some((event) => wanted.has(event.type));
}
