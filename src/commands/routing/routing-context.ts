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
