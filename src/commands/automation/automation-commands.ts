import { compileAutomation } from '../../domain/automation/automation-compiler.js';
import type { Automation, AutomationDocument, CompiledAutomation } from '../../domain/automation/automation.js';
import { fail } from '../../domain/errors.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';
import { actionReferences, configReferences } from './config-references.js';

/** The automation, or `automation_not_found` (also for ids of other workspaces). */
export async function loadAutomation(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<Automation> {
  const automation = await ctx.tx.workflow.automations.get(ctx.workspaceId, id);
  if (!automation) throw fail('automation_not_found', `No automation ${id}.`);
  return automation;
}

/** Checks a document against what exists now; any mistake is `invalid_automation` with every error's path. */
async function checked(ctx: CommandContext, id: string, document: AutomationDocument): Promise<CompiledAutomation> {
  const refs = actionReferences(document.actions);
  const compiled = compileAutomation(id, document, await configReferences(ctx, refs.agents, refs.canned, refs.webhooks));
  if (!compiled.ok) throw fail('invalid_automation', `The automation has ${compiled.errors.length} mistake(s).`, { errors: compiled.errors });
  return compiled.automation;
}

/** Saves a new automation once it is checked; nothing is saved when it has mistakes. */
export async function createAutomationCommand(ctx: CommandContext, document: AutomationDocument): Promise<Automation> {
  const id = ctx.ids.next('aut');
  const compiled = await checked(ctx, id, document);
  const now = ctx.clock.now();
  const automation: Automation = {
    id, workspaceId: ctx.workspaceId, document, version: 1, createdAt: now, updatedAt: now, nextRunAt: nextRun(compiled, document, now),
  };
  await ctx.tx.workflow.automations.insert(automation);
  await changed(ctx, 'automation.created', automation, null);
  return automation;
}

/** Replaces an automation's document (with `expectedVersion`, only that version of it). */
export async function replaceAutomationCommand(ctx: CommandContext, id: string, document: AutomationDocument, expectedVersion?: number): Promise<Automation> {
  const current = await loadAutomation(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw fail('version_conflict', `Automation ${id} is at version ${current.version}, not ${expectedVersion}.`, { current_version: current.version });
  }
  const compiled = await checked(ctx, id, document);
  const now = ctx.clock.now();
  const keepsSchedule = current.nextRunAt !== null && JSON.stringify(current.document.schedule) === JSON.stringify(document.schedule);
  const automation: Automation = {
    ...current, document, version: current.version + 1, updatedAt: now,
    nextRunAt: keepsSchedule && document.enabled !== false ? current.nextRunAt : nextRun(compiled, document, now),
  };
  if (!(await ctx.tx.workflow.automations.update(automation))) throw fail('version_conflict', `Automation ${id} was changed by someone else.`);
  await changed(ctx, 'automation.updated', automation, current);
  return automation;
}

/** Removes an automation; it stops at once, on every node. */
export async function deleteAutomationCommand(ctx: CommandContext, id: string): Promise<void> {
  const current = await loadAutomation(ctx, id);
  await ctx.tx.workflow.automations.delete(ctx.workspaceId, id);
  await changed(ctx, 'automation.deleted', null, current);
}

/** A scheduled automation first runs one interval after it is saved; event automations have no schedule. */
function nextRun(compiled: CompiledAutomation, document: AutomationDocument, now: number): number | null {
  return compiled.schedule && document.enabled !== false ? now + compiled.schedule.everyMs : null;
}

async function changed(ctx: CommandContext, type: string, after: Automation | null, before: Automation | null): Promise<void> {
  await ctx.tx.workflow.automations.bumpWorkflowVersion(ctx.workspaceId);
  const snapshot = (a: Automation | null) => (a ? { version: a.version, document: a.document as unknown as JsonObject } : null);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: (after ?? before)!.id, type, before: snapshot(before), after: snapshot(after) });
}
