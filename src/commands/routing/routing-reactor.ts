import type { Reactor } from '../pipeline/reactor.js';
import { afterTicketChange } from './reactions.js';
import { canRoute } from './routing-context.js';

/**
 * Keeps routing in step with changes made by hand or by automations (`ticket.updated`): freed
 * room pulls waiting work, work sent back to the queue is routed again, resolved blockers release
 * the work they held, outcomes teach `best_performer`. Routing's own changes are not shown to it.
 */
export const routingReactor: Reactor = {
  name: 'routing',
  stage: 'settle',
  applicableEvents: new Set(['ticket.updated']),
  async react(ctx, change) {
    if (change.before && change.before !== change.after && canRoute(ctx)) await afterTicketChange(ctx, change.before, change.after);
  },
};
