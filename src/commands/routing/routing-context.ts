import { fail } from '../../domain/errors.js';
import type { Router } from '../../domain/routing/router.js';
import type { CommandContext } from '../context.js';
import type { RoutingRuntime } from './routing-runtime.js';

/** A command context that can route: the surfaces that route (HTTP, worker) pass a runtime. */
export interface RoutingContext extends CommandContext {
  routing: RoutingRuntime;
}

/** True when this context carries a routing runtime. */
export function canRoute(ctx: CommandContext): ctx is RoutingContext {
  return (ctx as Partial<RoutingContext>).routing !== undefined;
}

/** Throws `invalid_reference` unless the workspace's routing policy has the queue. */
export async function assertQueueExists(ctx: RoutingContext, queue: string): Promise<void> {
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
  if (router) assertQueueIn(router, queue);
}

/** Throws `invalid_reference` unless the router's policy has the queue. */
export function assertQueueIn(router: Router, queue: string): void {
  if (!router.policy.queues.has(queue)) {
    throw fail('invalid_reference', `The routing policy has no queue "${queue}".`, { path: '/queue', queues: [...router.policy.queues.keys()] });
  }
}
