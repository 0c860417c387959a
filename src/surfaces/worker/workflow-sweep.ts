import type { RoutingContext } from '../../commands/routing/routing-context.js';
import type { RoutingRuntime } from '../../commands/routing/routing-runtime.js';
import {
  checkScheduledTriggers, claimScheduledRun, reactToPendingEvent, runScheduledAutomation,
} from '../../commands/automation/scheduled-work.js';
import { loadWorkflow } from '../../commands/automation/workflow.js';
import type { CompiledAutomation } from '../../domain/automation/automation.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store, StoreTx } from '../../domain/store/store.js';
import type { WorkerTask } from './worker.js';
import type { MailSettings } from '../../commands/email/mail-settings.js';
import { systemContext } from '../runtime.js';

const BATCH = 200;
/** Tickets one scheduled automation looks at per run; the rest wait for the next run. */
const TICKETS_PER_RUN = 2000;
/** SLA events older than this are not reacted to any more (a node down for a day does not replay them). */
const SLA_LOOKBACK_MS = 24 * 3_600_000;
/** Changes are looked at again with this overlap, so a slow transaction's commit is not missed. */
const OVERLAP_MS = 60_000;

/**
 * The worker's share of escalation and automations, each item in its own transaction (one that
 * fails is reported and the rest go on): reactions to SLA warnings and breaches recorded by the
 * timers, escalation triggers that become true by waiting, and scheduled automations.
 */
export function workflowSweep(store: Store, routing: RoutingRuntime, clock: Clock, ids: IdGenerator, mail?: MailSettings): WorkerTask {
  const sweeper = new WorkflowSweeper(store, routing, clock, ids, mail);
  return { name: 'workflows', everyMs: 30_000, run: () => sweeper.run() };
}

class WorkflowSweeper {
  private checkedUpTo: number;

  constructor(
    private readonly store: Store,
    private readonly routing: RoutingRuntime,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly mail: MailSettings | undefined,
  ) {
    this.checkedUpTo = clock.now() - 10 * 60_000;
  }

  async run(): Promise<string | null> {
    const now = this.clock.now();
    const outcomes = [...(await this.slaEvents(now)), ...(await this.triggers(now)), ...(await this.schedules(now))];
    const said = outcomes.filter((o): o is string => o !== null);
    return said.length > 0 ? said.join('; ') : null;
  }

  private inTransaction<T>(workspaceId: string, work: (ctx: RoutingContext) => Promise<T>): Promise<T> {
    const { clock, ids, routing, mail } = this;
    return this.store.transaction((tx) => work({ ...systemContext(tx, workspaceId, ids, clock), routing, mail }));
  }

  /** One item in its own transaction; a failure is reported, not thrown. */
  private item(workspaceId: string, work: (ctx: RoutingContext) => Promise<string | null>): Promise<string | null> {
    return this.inTransaction(workspaceId, work).catch((error: unknown) => `failed: ${(error as Error).message}`);
  }

  private async slaEvents(now: number): Promise<(string | null)[]> {
    const events = await this.store.read((tx) => tx.workflow.automations.undispatchedSlaEvents(now - SLA_LOOKBACK_MS, BATCH));
    const outcomes: (string | null)[] = [];
    for (const event of events) outcomes.push(await this.item(event.workspaceId, (ctx) => reactToPendingEvent(ctx, event)));
    return outcomes;
  }

  private async triggers(now: number): Promise<(string | null)[]> {
    const outcomes: (string | null)[] = [];
    for (const workspace of await this.store.read((tx) => tx.workspaces.list())) {
      const candidates = await this.store.read((tx) => triggerCandidates(tx, workspace.id, this.checkedUpTo - OVERLAP_MS, now));
      for (const ticketId of candidates) outcomes.push(await this.item(workspace.id, (ctx) => checkScheduledTriggers(ctx, ticketId)));
    }
    this.checkedUpTo = now;
    return outcomes;
  }

  private async schedules(now: number): Promise<(string | null)[]> {
    const outcomes: (string | null)[] = [];
    for (const due of await this.store.read((tx) => tx.workflow.automations.dueSchedules(now, BATCH))) {
      const claimed = await this.inTransaction(due.workspaceId, (ctx) => claimScheduledRun(ctx, due)).catch(() => null);
      if (claimed) outcomes.push(...(await this.runSchedule(due.workspaceId, claimed, now)));
    }
    return outcomes;
  }

  /** The open tickets idle long enough, page by page, each in its own transaction. */
  private async runSchedule(workspaceId: string, automation: CompiledAutomation, now: number): Promise<(string | null)[]> {
    const outcomes: (string | null)[] = [];
    const idleBefore = now - (automation.schedule?.idleForMs ?? 0);
    let after: string | undefined;
    for (let seen = 0; seen < TICKETS_PER_RUN;) {
      const page = await this.store.read((tx) => tx.workflow.automations.openTickets(workspaceId, { updatedBefore: idleBefore }, after, BATCH));
      for (const ticketId of page) outcomes.push(await this.item(workspaceId, (ctx) => runScheduledAutomation(ctx, automation, ticketId)));
      seen += page.length;
      if (page.length < BATCH) break;
      after = page[page.length - 1];
    }
    return outcomes;
  }
}

/**
 * Open tickets below the highest scheduled trigger's level whose scheduled triggers may have
 * become true: re-routed since the last check (offers declined or timed out, which do not
 * dispatch), or idle long enough.
 */
async function triggerCandidates(tx: StoreTx, workspaceId: string, since: number, now: number): Promise<string[]> {
  const workflow = await loadWorkflow(tx, workspaceId);
  const scheduled = workflow?.escalation.triggers.filter((t) => t.scheduled) ?? [];
  if (scheduled.length === 0) return [];
  const belowLevel = Math.max(...scheduled.map((t) => t.level));
  // The earliest idle time at which a trigger can fire, read from its compiled condition.
  const idleHours = Math.min(...scheduled.map((t) => t.idleHours ?? Infinity));
  const { automations } = tx.workflow;
  const rerouted = await automations.openTickets(workspaceId, { updatedSince: since, rerouted: true, belowLevel }, undefined, BATCH);
  const idle = Number.isFinite(idleHours)
    ? await automations.openTickets(workspaceId, { updatedBefore: now - idleHours * 3_600_000, belowLevel }, undefined, BATCH)
    : [];
  return [...new Set([...rerouted, ...idle])];
}
