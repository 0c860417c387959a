import type { CompiledAutomation } from '../../domain/automation/automation.js';
import { automationEventsOf, leadingEvent, type KindedEvent } from '../../domain/automation/event-kinds.js';
import type { ConditionEvent } from '../../domain/escalation/condition-scope.js';
import { conditionEnv } from '../../domain/escalation/condition-scope.js';
import type { DomainEvent } from '../../domain/shared/event.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import { applyTriggers } from '../escalation/escalation-triggers.js';
import { conditionInput, handoffFactsOnce, type HandoffFactsOnce } from './condition-input.js';
import { holdingReactions, reactionsHeld } from './reaction-guard.js';
import { runAutomation } from './run-actions.js';
import { loadWorkflow, type Workflow } from './workflow.js';

/** How many rounds of automations one change may set off before the chain is stopped as a loop. */
export const MAX_CHAIN_DEPTH = 5;
const EVENTS_PER_ROUND = 200;

/** A round of the chain: the entries one step recorded on a ticket, and how deep the chain is. */
interface Round {
  ticketId: string;
  events: DomainEvent[];
  depth: number;
  chain: string[];
  /** Entries up to this id were there before the chain began (reacted to by whoever recorded them). */
  seenUpTo?: number;
}

/**
 * Reacts to what a command recorded on a ticket from `firstEventId` on: stamps the first human
 * response after an escalation, checks the escalation triggers, and runs the automations that
 * listen to those events — then reacts in the same way to what they recorded, round after round,
 * up to MAX_CHAIN_DEPTH. Runs in the command's transaction. Returns the ticket as it is afterwards
 * when anything reacted, else null.
 */
export async function dispatchTicketEvents(ctx: CommandContext, ticketId: string, firstEventId: number): Promise<Ticket | null> {
  if (reactionsHeld(ctx.tx)) return null;
  const events = await eventsAfter(ctx, ticketId, firstEventId - 1);
  if (events.length === 0) return null;
  return holdingReactions(ctx.tx, () => react(ctx, ticketId, events));
}

/**
 * Runs a command made of other commands with reactions held back, then reacts once to all it
 * recorded on the ticket (so its parts do not each set off the automations).
 */
export async function reactOnce<T>(ctx: CommandContext, ticketId: string, work: () => Promise<{ value: T; firstEventId: number }>): Promise<T> {
  if (reactionsHeld(ctx.tx)) return (await work()).value;
  const { value, firstEventId } = await holdingReactions(ctx.tx, work);
  await dispatchTicketEvents(ctx, ticketId, firstEventId);
  return value;
}

/**
 * Reacts to one entry recorded by a command that does not dispatch (an SLA timer firing): the
 * entry alone starts the chain, and entries recorded after it are left to whoever recorded them.
 */
export async function dispatchRecordedEvent(ctx: CommandContext, ticketId: string, eventId: number): Promise<Ticket | null> {
  if (reactionsHeld(ctx.tx)) return null;
  const since = await eventsAfter(ctx, ticketId, eventId - 1);
  const event = since.find((e) => e.id === eventId);
  if (!event) return null;
  return holdingReactions(ctx.tx, () => react(ctx, ticketId, [event], since[since.length - 1]!.id));
}

async function react(ctx: CommandContext, ticketId: string, events: DomainEvent[], seenUpTo?: number): Promise<Ticket | null> {
  await noteFirstHumanResponse(ctx, ticketId, events);
  // An SLA event reacted to here needs no second reaction from the worker's sweep.
  for (const event of events) {
    if (event.type === 'sla.warning' || event.type === 'sla.breached') await ctx.tx.workflow.automations.markDispatched(ctx.workspaceId, event.id, ctx.clock.now());
  }
  const workflow = await loadWorkflow(ctx.tx, ctx.workspaceId);
  if (!workflow) return null;
  const reacted = await runChain(ctx, workflow, { ticketId, events, depth: 0, chain: [], seenUpTo });
  return reacted ? loadTicket(ctx, ticketId) : null;
}

async function noteFirstHumanResponse(ctx: CommandContext, ticketId: string, events: readonly DomainEvent[]): Promise<void> {
  const reply = events.find((e) => e.type === 'comment.added' && e.data?.author_kind === 'agent' && e.data.visibility === 'public');
  if (reply) await ctx.tx.workflow.escalations.markFirstResponse(ctx.workspaceId, ticketId, reply.at);
}

async function runChain(ctx: CommandContext, workflow: Workflow, first: Round): Promise<boolean> {
  const rounds = [first];
  let reacted = false;
  for (let round = rounds.shift(); round; round = rounds.shift()) {
    const result = await runRound(ctx, workflow, round);
    if (!result.reacted) continue;
    reacted = true;
    const chain = [...round.chain, ...result.fired];
    const next = await eventsAfter(ctx, round.ticketId, Math.max(round.events[round.events.length - 1]!.id, round.seenUpTo ?? 0));
    if (next.length > 0) rounds.push({ ticketId: round.ticketId, events: next, depth: round.depth + 1, chain });
    for (const id of result.created) rounds.push({ ticketId: id, events: await eventsAfter(ctx, id, -1), depth: round.depth + 1, chain });
  }
  return reacted;
}

interface RoundResult {
  reacted: boolean;
  fired: string[];
  created: string[];
}

async function runRound(ctx: CommandContext, workflow: Workflow, round: Round): Promise<RoundResult> {
  const result: RoundResult = { reacted: false, fired: [], created: [] };
  const kinded = automationEventsOf(round.events);
  const lead = leadingEvent(kinded);
  let ticket = await ctx.tx.tickets.get(ctx.workspaceId, round.ticketId);
  if (!lead || !ticket) return result;
  const handoff = handoffFactsOnce(ctx, round.ticketId);
  if (await applyTriggers(ctx, workflow.escalation, ticket, conditionEventOf(lead), handoff)) result.reacted = true;
  const stopped: string[] = [];
  for (const rule of workflow.onEvents) {
    const match = kinded.find((k) => rule.events!.has(k.kind) && !ownEvent(k.event, rule));
    if (!match) continue;
    ticket = await loadTicket(ctx, round.ticketId);
    if (!(await conditionHolds(ctx, workflow, rule, ticket, conditionEventOf(match), handoff))) continue;
    result.reacted = true;
    if (round.depth >= MAX_CHAIN_DEPTH) stopped.push(rule.name);
    else {
      result.fired.push(rule.name);
      result.created.push(...(await runAutomation(ctx, rule, ticket.id, match.kind, round.depth)).created);
    }
  }
  if (stopped.length > 0) await recordLoopStop(ctx, round, stopped);
  return result;
}

/** A rule is not set off by its own actions (its events carry it as their actor). */
function ownEvent(event: DomainEvent, rule: CompiledAutomation): boolean {
  return event.actor.kind === 'rule' && event.actor.id === rule.id;
}

/** Whether the rule's condition holds; a condition that faults on this ticket does not hold. */
export async function conditionHolds(
  ctx: CommandContext, workflow: Pick<Workflow, 'escalation'>, rule: CompiledAutomation, ticket: Ticket, event: ConditionEvent, handoff?: HandoffFactsOnce,
): Promise<boolean> {
  if (!rule.when) return true;
  const env = conditionEnv(await conditionInput(ctx, workflow.escalation, ticket, event, handoff));
  try {
    return rule.when(env) === true;
  } catch {
    return false;
  }
}

function conditionEventOf(kinded: KindedEvent): ConditionEvent {
  return { type: kinded.kind, data: kinded.event.data ?? {} };
}

async function recordLoopStop(ctx: CommandContext, round: Round, stopped: string[]): Promise<void> {
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: round.ticketId, ticketId: round.ticketId, type: 'automation.loop_stopped',
    data: {
      depth: round.depth, stopped, chain: round.chain,
      message: `Stopped ${stopped.map((name) => `"${name}"`).join(', ')}: the change set off ${round.depth} rounds of automations in a row, which looks like a loop.`,
    },
  });
}

async function eventsAfter(ctx: CommandContext, ticketId: string, afterId: number): Promise<DomainEvent[]> {
  return (await ctx.tx.events.listForTicket(ctx.workspaceId, ticketId, afterId, EVENTS_PER_ROUND)).items;
}
