import { compileEscalation } from '../../domain/escalation/escalation-compiler.js';
import { EMPTY_ESCALATION, type EscalationDocument } from '../../domain/escalation/escalation-config.js';
import { fail } from '../../domain/errors.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { EscalationConfigRecord } from '../../domain/store/workflow-store.js';
import { configReferences, escalationAgents } from '../automation/config-references.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** The workspace's escalation config; version 0 (no levels, no triggers) when none was saved. */
export async function escalationConfigCommand(ctx: CommandContext): Promise<EscalationConfigRecord> {
  return (await ctx.tx.workflow.escalations.config(ctx.workspaceId))
    ?? { workspaceId: ctx.workspaceId, document: EMPTY_ESCALATION, version: 0, updatedAt: 0, updatedBy: null };
}

/**
 * Checks an escalation config and, when it has no mistakes, saves it as the next version.
 * Any mistake is `invalid_escalation` with every error's path; the config in force stays.
 */
export async function saveEscalationConfigCommand(ctx: CommandContext, document: EscalationDocument): Promise<EscalationConfigRecord> {
  const compiled = compileEscalation(document, await configReferences(ctx, escalationAgents(document), []));
  if (!compiled.ok) throw fail('invalid_escalation', `The escalation config has ${compiled.errors.length} mistake(s).`, { errors: compiled.errors });
  const current = await escalationConfigCommand(ctx);
  const record: EscalationConfigRecord = {
    workspaceId: ctx.workspaceId, document, version: current.version + 1, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.name ?? ctx.actor.id,
  };
  if (!(await ctx.tx.workflow.escalations.saveConfig(record))) throw fail('version_conflict', 'The escalation config was changed by someone else.');
  await ctx.tx.workflow.automations.bumpWorkflowVersion(ctx.workspaceId);
  await recordEvent(ctx, {
    entityKind: 'workspace', entityId: ctx.workspaceId, type: 'escalation.config_saved',
    before: { version: current.version }, after: { version: record.version, document: document as unknown as JsonObject },
  });
  return record;
}
