import { compileAutomation } from '../../domain/automation/automation-compiler.js';
import type { CompiledAutomation } from '../../domain/automation/automation.js';
import { DEFAULT_ESCALATION, compileEscalation } from '../../domain/escalation/escalation-compiler.js';
import type { CompiledEscalation } from '../../domain/escalation/escalation-config.js';
import type { StoreTx } from '../../domain/store/store.js';

/** A workspace's escalation config and enabled automations, compiled. */
export interface Workflow {
  version: number;
  escalation: CompiledEscalation;
  /** Event automations in the order they run. */
  onEvents: CompiledAutomation[];
}

/**
 * Compiled workflows by workspace. Every use reads the workspace's workflow version (one indexed
 * row), so a change saved through another node is picked up at its next use, as routing does.
 */
const cache = new Map<string, Workflow>();

/**
 * The workspace's compiled workflow, or null when it never configured escalation or automations.
 * `knownVersion` is the workflow version read before the transaction, when the caller has it.
 */
export async function loadWorkflow(tx: StoreTx, workspaceId: string, knownVersion?: number): Promise<Workflow | null> {
  const version = knownVersion ?? (await tx.workflow.automations.workflowVersion(workspaceId));
  if (version === 0) return null;
  const cached = cache.get(workspaceId);
  if (cached?.version === version) return cached;
  const workflow = await compileWorkflow(tx, workspaceId, version);
  cache.set(workspaceId, workflow);
  return workflow;
}

async function compileWorkflow(tx: StoreTx, workspaceId: string, version: number): Promise<Workflow> {
  const saved = await tx.workflow.escalations.config(workspaceId);
  // Saved documents were checked when saved; one that no longer compiles runs nothing rather than guess.
  const escalation = saved ? compileEscalation(saved.document, null) : null;
  const onEvents: CompiledAutomation[] = [];
  for (const automation of await tx.workflow.automations.list(workspaceId)) {
    if (automation.document.enabled === false || !automation.document.events) continue;
    const compiled = compileAutomation(automation.id, automation.document, null);
    if (compiled.ok) onEvents.push(compiled.automation);
  }
  return { version, escalation: escalation?.ok ? escalation.escalation : DEFAULT_ESCALATION, onEvents };
}
