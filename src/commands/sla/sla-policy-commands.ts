import { fail } from '../../domain/errors.js';
import type { SettingsError } from '../../domain/sla/business-hours.js';
import { checkSlaPolicy, type SlaPolicy, type SlaPolicyDocument } from '../../domain/sla/sla-policy.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/**
 * Adds a policy at the end of the order after checking it; any mistake is `invalid_sla_policy`
 * with every error and nothing is saved. Tickets pick it up at their next change.
 */
export async function createSlaPolicyCommand(ctx: CommandContext, document: SlaPolicyDocument): Promise<SlaPolicy> {
  await assertSound(ctx, [document], '');
  const existing = await ctx.tx.slaPolicies.list(ctx.workspaceId);
  const now = ctx.clock.now();
  const position = existing.reduce((max, p) => Math.max(max, p.position + 1), 0);
  const policy: SlaPolicy = { ...document, id: ctx.ids.next('slp'), workspaceId: ctx.workspaceId, position, version: 1, createdAt: now, updatedAt: now };
  await ctx.tx.slaPolicies.insert(policy);
  await record(ctx, 'sla.policy_saved', null, policy);
  return policy;
}

/** Replaces a policy in place (its position stays); with `expectedVersion`, only that version. */
export async function replaceSlaPolicyCommand(ctx: CommandContext, id: string, document: SlaPolicyDocument, expectedVersion?: number): Promise<SlaPolicy> {
  const current = await loadSlaPolicy(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw fail('version_conflict', `SLA policy ${id} is at version ${current.version}, not ${expectedVersion}.`, { current_version: current.version });
  }
  await assertSound(ctx, [document], '');
  const next: SlaPolicy = { ...current, ...document, version: current.version + 1, updatedAt: ctx.clock.now() };
  if (!(await ctx.tx.slaPolicies.update(next, current.version))) throw fail('version_conflict', `SLA policy ${id} was changed by someone else.`, { id });
  await record(ctx, 'sla.policy_saved', current, next);
  return next;
}

/** Removes a policy; tickets held to it move to the next matching policy (or none) at their next change. */
export async function deleteSlaPolicyCommand(ctx: CommandContext, id: string): Promise<void> {
  const current = await loadSlaPolicy(ctx, id);
  await ctx.tx.slaPolicies.delete(ctx.workspaceId, id);
  await record(ctx, 'sla.policy_removed', current, null);
}

/** Sets the order policies are tried in; `ids` must name every policy of the workspace once. */
export async function reorderSlaPoliciesCommand(ctx: CommandContext, ids: readonly string[]): Promise<SlaPolicy[]> {
  const existing = await ctx.tx.slaPolicies.list(ctx.workspaceId);
  const known = new Set(existing.map((p) => p.id));
  const errors: SettingsError[] = [];
  ids.forEach((id, i) => {
    if (!known.has(id)) errors.push({ path: `/ids/${i}`, message: `There is no SLA policy "${id}".` });
    else if (ids.indexOf(id) !== i) errors.push({ path: `/ids/${i}`, message: `"${id}" is listed twice.` });
  });
  const missing = existing.filter((p) => !ids.includes(p.id));
  if (missing.length > 0) errors.push({ path: '/ids', message: `The order leaves out ${missing.map((p) => p.id).join(', ')}.` });
  if (errors.length > 0) throw fail('invalid_sla_policy', `The order has ${errors.length} mistake(s).`, { errors });
  await ctx.tx.slaPolicies.reorder(ctx.workspaceId, ids);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type: 'sla.policies_reordered', before: { ids: existing.map((p) => p.id) }, after: { ids: [...ids] } });
  return ctx.tx.slaPolicies.list(ctx.workspaceId);
}

/** Replaces every policy with `documents`, in that order, checked as a whole (errors at `/N/…`); for `switchboard sla set`. */
export async function replaceAllSlaPoliciesCommand(ctx: CommandContext, documents: readonly SlaPolicyDocument[]): Promise<SlaPolicy[]> {
  await assertSound(ctx, documents, '/policies');
  for (const policy of await ctx.tx.slaPolicies.list(ctx.workspaceId)) await deleteSlaPolicyCommand(ctx, policy.id);
  const saved: SlaPolicy[] = [];
  for (const document of documents) saved.push(await createSlaPolicyCommand(ctx, document));
  return saved;
}

/** The policy, or `sla_policy_not_found` (also for ids of other workspaces). */
export async function loadSlaPolicy(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<SlaPolicy> {
  const policy = await ctx.tx.slaPolicies.get(ctx.workspaceId, id);
  if (!policy) throw fail('sla_policy_not_found', `No SLA policy ${id}.`);
  return policy;
}

/** Checks documents against the workspace's calendars; with a prefix, paths say which document (`/policies/2/…`). */
async function assertSound(ctx: CommandContext, documents: readonly SlaPolicyDocument[], prefix: string): Promise<void> {
  const calendars = new Set((await ctx.tx.businessHours.list(ctx.workspaceId)).map((h) => h.id));
  const errors = documents.flatMap((document, i) => checkSlaPolicy(document, (id) => calendars.has(id))
    .map((e) => ({ ...e, path: `${prefix ? `${prefix}/${i}` : ''}${e.path}` })));
  if (errors.length > 0) throw fail('invalid_sla_policy', `The SLA ${prefix ? 'policies have' : 'policy has'} ${errors.length} mistake(s).`, { errors });
}

async function record(ctx: CommandContext, type: string, before: SlaPolicy | null, after: SlaPolicy | null): Promise<void> {
  const snapshot = (p: SlaPolicy | null): JsonObject | null => p && {
    id: p.id, name: p.name, condition: p.condition, warn_at: p.warnFraction, version: p.version, targets: p.targets as unknown as JsonObject,
  };
  await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type, before: snapshot(before), after: snapshot(after) });
}
