import { advanceSla } from '../../domain/sla/sla-engine.js';
import { selectSlaPolicy } from '../../domain/sla/sla-policy.js';
import type { SlaState } from '../../domain/sla/sla-state.js';
import type { Timer } from '../../domain/scheduling/timer.js';
import type { Comment } from '../../domain/ticket/comment.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import type { TicketEvent } from '../pipeline/commit.js';
import { catalogOf, type SlaCatalog } from './sla-catalog.js';
import { CALENDAR_TIME } from '../../domain/sla/business-calendar.js';
import type { IdGenerator } from '../../domain/shared/ids.js';

/** A ticket's SLA after a change: its state, the warning and breach timers to arm, and what to record. */
export interface SlaChange {
  sla: SlaState | null;
  timers: Timer[];
  events: TicketEvent[];
}

/**
 * The ticket's SLA after a change (or a comment): the first matching policy's targets for its
 * priority, clocks started, paused, resumed or met, and warning and breach timers for due times
 * that moved. `before` is null at intake. Nothing is written: the change carries it to `commit`.
 */
export async function slaAfterChange(ctx: CommandContext, before: Ticket | null, after: Ticket, comment: Comment | null = null): Promise<SlaChange> {
  const policies = await ctx.tx.slaPolicies.list(ctx.workspaceId);
  if (policies.length === 0 && after.sla === null) return NO_SLA;
  const catalog = catalogOf(policies, await ctx.tx.businessHours.list(ctx.workspaceId));
  return slaChange(catalog, { before, after, comment, now: ctx.clock.now(), ids: ctx.ids });
}

const NO_SLA: SlaChange = Object.freeze({ sla: null, timers: [], events: [] });

/** A change as the SLA sees it: the ticket before (null when new) and after, the comment it adds, and when. */
export interface SlaInput {
  before: Ticket | null;
  after: Ticket;
  comment: Comment | null;
  now: number;
  ids: IdGenerator;
}

/** The SLA after a change, from a catalog already read (null: the workspace has no SLA policy). */
export function slaChange(catalog: SlaCatalog | null, { before, after, comment, now, ids }: SlaInput): SlaChange {
  if (catalog === null && after.sla === null) return NO_SLA;
  const policies = catalog?.policies ?? [];
  const policy = selectSlaPolicy(policies, after, now);
  const outcome = advanceSla({ before, after, comment, policy, calendarOf: catalog?.calendarOf ?? (() => CALENDAR_TIME), now });
  const timers: Timer[] = outcome.timers.map((timer) => ({
    id: ids.next('tmr'), workspaceId: after.workspaceId, kind: timer.kind, ticketId: after.id, ref: timer.ref, dueAt: timer.dueAt, firedAt: null,
  }));
  const previousId = after.sla?.policyId ?? null;
  const events: TicketEvent[] = (outcome.state?.policyId ?? null) === previousId ? [] : [{
    type: 'sla.policy_applied',
    before: { policy_id: previousId, policy_name: after.sla?.policyName ?? null },
    after: { policy_id: outcome.state?.policyId ?? null, policy_name: outcome.state?.policyName ?? null },
  }];
  return { sla: outcome.state, timers, events };
}
