import { fail } from '../../domain/errors.js';
import { checkBusinessHours, type BusinessHours, type BusinessHoursDocument } from '../../domain/sla/business-hours.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** Saves new business hours after checking them; any mistake is `invalid_business_hours` with every error, and nothing is saved. */
export async function createBusinessHoursCommand(ctx: CommandContext, document: BusinessHoursDocument): Promise<BusinessHours> {
  assertSound(document);
  const now = ctx.clock.now();
  const hours: BusinessHours = { ...document, id: ctx.ids.next('bhr'), workspaceId: ctx.workspaceId, version: 1, createdAt: now, updatedAt: now };
  await ctx.tx.businessHours.insert(hours);
  await record(ctx, 'sla.business_hours_saved', null, hours);
  return hours;
}

/**
 * Replaces business hours. Tickets already running on them keep their due times until their next
 * change, when the new hours apply (as in Zendesk); the timers they armed find their refs stale then.
 */
export async function replaceBusinessHoursCommand(
  ctx: CommandContext, id: string, document: BusinessHoursDocument, expectedVersion?: number,
): Promise<BusinessHours> {
  const current = await loadBusinessHours(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw fail('version_conflict', `Business hours ${id} are at version ${current.version}, not ${expectedVersion}.`, { current_version: current.version });
  }
  assertSound(document);
  const next: BusinessHours = { ...current, ...document, version: current.version + 1, updatedAt: ctx.clock.now() };
  if (!(await ctx.tx.businessHours.update(next, current.version))) {
    throw fail('version_conflict', `Business hours ${id} were changed by someone else.`, { id });
  }
  await record(ctx, 'sla.business_hours_saved', current, next);
  return next;
}

/** Removes business hours that no SLA policy counts in; otherwise `business_hours_in_use` naming the policies. */
export async function deleteBusinessHoursCommand(ctx: CommandContext, id: string): Promise<void> {
  const current = await loadBusinessHours(ctx, id);
  const users = (await ctx.tx.slaPolicies.list(ctx.workspaceId)).filter((policy) =>
    Object.values(policy.targets).some((metrics) => Object.values(metrics ?? {}).some((target) => target?.businessHoursId === id)));
  if (users.length > 0) {
    throw fail('business_hours_in_use', `SLA policies ${users.map((p) => `"${p.name}"`).join(', ')} count in these business hours.`, { policies: users.map((p) => p.id) });
  }
  await ctx.tx.businessHours.delete(ctx.workspaceId, id);
  await record(ctx, 'sla.business_hours_removed', current, null);
}

/** The business hours, or `business_hours_not_found` (also for ids of other workspaces). */
export async function loadBusinessHours(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<BusinessHours> {
  const hours = await ctx.tx.businessHours.get(ctx.workspaceId, id);
  if (!hours) throw fail('business_hours_not_found', `No business hours ${id}.`);
  return hours;
}

function assertSound(document: BusinessHoursDocument): void {
  const errors = checkBusinessHours(document);
  if (errors.length > 0) throw fail('invalid_business_hours', `The business hours have ${errors.length} mistake(s).`, { errors });
}

async function record(ctx: CommandContext, type: string, before: BusinessHours | null, after: BusinessHours | null): Promise<void> {
  const snapshot = (h: BusinessHours | null): JsonObject | null => h && {
    id: h.id, name: h.name, time_zone: h.timeZone, version: h.version,
    weekly: h.weekly as unknown as JsonObject, holidays: h.holidays as unknown as JsonObject[],
  };
  await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type, before: snapshot(before), after: snapshot(after) });
}
