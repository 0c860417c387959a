import { readFileSync } from 'node:fs';
import type { CommandContext } from '../commands/context.js';
import { escalateTicketCommand } from '../commands/escalation/escalate-ticket.js';
import { submitTicketCommand } from '../commands/intake/submit-ticket.js';
import { dryRunCommand } from '../commands/routing/dry-run.js';
import { routeTicket } from '../commands/routing/route-ticket.js';
import type { RoutingContext } from '../commands/routing/routing-context.js';
import type { RoutingRuntime } from '../commands/routing/routing-runtime.js';
import { applyTemplateCommand } from '../commands/templates/apply-template.js';
import { ManualClock } from '../domain/shared/clock.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/shared/actor.js';
import type { IdGenerator } from '../domain/shared/ids.js';
import type { Store } from '../domain/store/store.js';
import type { Ticket, TicketDraft } from '../domain/ticket/ticket.js';
import type { PolicyDocument } from '../domain/routing/policy.js';
import { readTemplate } from '../surfaces/templates/read-template.js';
import { systemContext } from '../surfaces/runtime.js';
import { seedDemoArticles } from './seed-demo-articles.js';
import { workDemoTicket, type DemoTicket } from './seed-demo-ticket.js';
import { seedDemoTicketTypes } from './seed-demo-types.js';

export type { DemoTicket } from './seed-demo-ticket.js';

const DATA_DIR = new URL('../../../data/demo/', import.meta.url);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function readDemo<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, DATA_DIR), 'utf8')) as T;
}

/**
 * How long ago a demo ticket arrived. Closed work keeps its age (up to 30 days, the reports'
 * history); open work is drawn into the last hours and days, as on a desk that keeps up, so its
 * SLA clocks run rather than all having run out long ago.
 */
function ageMinutes(demo: DemoTicket): number {
  if (isWaiting(demo)) return 5 + (demo.ageMinutes % 120);
  if (demo.status === 'in_progress' || demo.status === 'pending') return 30 + (demo.ageMinutes % (24 * 60));
  return demo.ageMinutes;
}

function isWaiting(demo: DemoTicket): boolean {
  return demo.status === 'queued' || demo.status === 'new' || demo.status === 'needs_info';
}

/** The open tickets of important customers that the demo escalates by hand, and to which level. */
const HAND_ESCALATIONS: { level: number; reason: string }[] = [
  { level: 2, reason: 'Enterprise customer waiting on a refund decision' },
  { level: 2, reason: 'Second complaint about the same order' },
  { level: 3, reason: 'Account access blocked for a VIP customer' },
];

/**
 * Fills a new workspace with the demo desk (data/demo/desk.json: the team, routing with an offer
 * queue, business hours, SLA policies, L1–L3 escalation and canned replies, applied as a template)
 * and 30 days of tickets (derived from the Bitext customer-support sample, CDLA-Sharing-1.0), each
 * created, worked, escalated and rated through the same commands the API uses, so their histories,
 * SLA clocks and reports are real.
 */
export async function seedDemoWorkspace(
  store: Store,
  workspaceId: string,
  ids: IdGenerator,
  now: number,
  routing: RoutingRuntime,
): Promise<{ agents: number; tickets: number; routed: number }> {
  const desk = readTemplate(readDemo<unknown>('desk.json'));
  const tickets = readDemo<DemoTicket[]>('tickets.json')
    .map((demo) => ({ ...demo, ageMinutes: ageMinutes(demo) }))
    .sort((a, b) => b.ageMinutes - a.ageMinutes);
  const clock = new ManualClock(now - 90 * DAY);
  return store.transaction(async (tx) => {
    const context = (actor: Actor): CommandContext => systemContext(tx, workspaceId, ids, clock, actor);
    const routed = (actor: Actor): RoutingContext => ({ ...context(actor), routing });
    await applyTemplateCommand(context(SYSTEM_ACTOR), desk);
    const waiting: { ticket: Ticket; draft: TicketDraft }[] = [];
    for (const [turn, demo] of tickets.entries()) {
      clock.set(now - demo.ageMinutes * MINUTE);
      const customer: Actor = { kind: 'customer', id: demo.draft.customer?.id ?? null, name: demo.draft.customer?.name ?? null };
      // Taken in as the API takes tickets (triage, SLA clocks, escalation triggers), routed later.
      const { ticket } = await submitTicketCommand(context(customer), demo.draft);
      // Waiting tickets are routed at the end, as on arrival; the rest are worked to their demo status now.
      const worked = !isWaiting(demo) && (await workDemoTicket({ demo, ticket, turn, customer, clock, context, routed, policy: desk.plan.policy! }));
      if (!worked) waiting.push({ ticket, draft: demo.draft });
    }
    clock.set(now);
    await seedDemoArticles(context(SYSTEM_ACTOR));
    // After the demo tickets, so the types' required fields do not send the old tickets to needs_info.
    await seedDemoTicketTypes(context(SYSTEM_ACTOR));
    const ordered = await offersFirst(routed(SYSTEM_ACTOR), waiting, desk.plan.policy!);
    for (const ticket of ordered) await routeTicket(routed(SYSTEM_ACTOR), ticket);
    await escalateImportantWork(routed, ordered);
    return { agents: desk.plan.agents.length, tickets: tickets.length, routed: waiting.length };
  });
}

/**
 * The waiting tickets, those bound for an offer-mode queue first: routed while its members still
 * have room, they are what the agent console shows as offers on the first look.
 */
async function offersFirst(ctx: RoutingContext, waiting: { ticket: Ticket; draft: TicketDraft }[], policy: PolicyDocument): Promise<Ticket[]> {
  const offered: Ticket[] = [];
  const rest: Ticket[] = [];
  for (const { ticket, draft } of waiting) ((await dryRunCommand(ctx, draft, policy)).mode === 'offer' ? offered : rest).push(ticket);
  return [...offered, ...rest];
}

/** The desk's most senior agent moves a few waiting tickets of enterprise and VIP customers up the levels. */
async function escalateImportantWork(routed: (actor: Actor) => RoutingContext, waiting: Ticket[]): Promise<void> {
  const ctx = routed(SYSTEM_ACTOR);
  const [lead] = (await ctx.tx.agents.listAll(ctx.workspaceId)).sort((a, b) => b.level - a.level);
  const supervisor: Actor = { kind: 'agent', id: lead?.id ?? null, name: lead?.name ?? null };
  const important = waiting.filter((t) => t.customer?.tier === 'enterprise' || t.customer?.tier === 'vip');
  for (const [i, step] of HAND_ESCALATIONS.entries()) {
    const ticket = important[i];
    if (ticket) await escalateTicketCommand(routed(supervisor), ticket.id, { level: step.level, reason: step.reason, trigger: 'manual' });
  }
}
