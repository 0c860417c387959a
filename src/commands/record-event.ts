import type { EntityKind } from '../domain/shared/event.js';
import type { JsonObject } from '../domain/shared/json.js';
import type { CommandContext } from './context.js';

interface EventInput {
  entityKind: EntityKind;
  entityId: string;
  ticketId?: string | null;
  type: string;
  before?: JsonObject | null;
  after?: JsonObject | null;
  data?: JsonObject | null;
}

/** Appends one history entry in the command's transaction, stamped with its actor and time. */
export function recordEvent(ctx: CommandContext, input: EventInput): Promise<number> {
  return ctx.tx.events.append({
    workspaceId: ctx.workspaceId,
    entityKind: input.entityKind,
    entityId: input.entityId,
    ticketId: input.ticketId ?? null,
    type: input.type,
    actor: ctx.actor,
    at: ctx.clock.now(),
    before: input.before ?? null,
    after: input.after ?? null,
    data: input.data ?? null,
  });
}
