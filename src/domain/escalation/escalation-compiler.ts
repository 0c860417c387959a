import { checkApprovalSpec } from '../approval/approval-spec.js';
import { checkAction } from '../automation/action-checks.js';
import { ROLES } from '../auth/roles.js';
import { checkAgent, checkQueue, compileConditionTree, type ConfigError, type ConfigReferences } from '../automation/config-errors.js';
import { DEFAULT_CHECKS, type ChecksConfig } from './business-checks.js';
import { CONDITION_SCOPE } from './condition-scope.js';
import {
  DEFAULT_CATEGORY_RISKS, DEFAULT_THRESHOLDS, EMPTY_ESCALATION, MAX_LEVEL,
  type CompiledEscalation, type CompiledTrigger, type EscalationDocument, type LevelDocument, type PartyDocument, type TriggerDocument,
} from './escalation-config.js';
import { PRESETS, isPresetName, presetParams } from './presets.js';
import { lowerBoundOf, reads } from './waiting-bound.js';

/** The config of a workspace that never saved one: no levels, no triggers, the default risks. */
export const DEFAULT_ESCALATION: CompiledEscalation = {
  document: EMPTY_ESCALATION,
  levels: new Map(),
  categoryRisks: DEFAULT_CATEGORY_RISKS,
  thresholds: DEFAULT_THRESHOLDS,
  checks: checksConfig(EMPTY_ESCALATION),
  triggers: [],
};

export type EscalationCompilation = { ok: true; escalation: CompiledEscalation } | { ok: false; errors: ConfigError[] };

/**
 * Checks a whole escalation config and compiles its triggers. Every mistake is reported with its
 * path: a level given twice or out of range, a queue the routing policy lacks, an owner who is not
 * an agent, a trigger with both or neither of `preset` and `when`, a bad preset parameter, an
 * expression that does not type-check (with its position).
 */
export function compileEscalation(document: EscalationDocument, refs: ConfigReferences | null): EscalationCompilation {
  const errors: ConfigError[] = [];
  const levels = new Map<number, LevelDocument>();
  document.levels.forEach((level, i) => {
    const path = `/levels/${i}`;
    if (levels.has(level.level)) errors.push({ path: `${path}/level`, message: `Level ${level.level} is defined twice.` });
    levels.set(level.level, level);
    checkQueue(level.queue, `${path}/queue`, refs, errors);
    checkParty(level.owner, `${path}/owner`, refs, errors);
    (level.consulted ?? []).forEach((party, p) => checkParty(party, `${path}/consulted/${p}`, refs, errors));
    (level.informed ?? []).forEach((party, p) => checkParty(party, `${path}/informed/${p}`, refs, errors));
    if (level.approval) checkApprovalSpec(level.approval, `${path}/approval`, refs, errors, checkAction);
  });
  const names = new Set<string>();
  const triggers: CompiledTrigger[] = [];
  document.triggers.forEach((trigger, i) => {
    const path = `/triggers/${i}`;
    if (names.has(trigger.name)) errors.push({ path: `${path}/name`, message: `Trigger "${trigger.name}" is defined twice.` });
    names.add(trigger.name);
    const compiled = compileTrigger(trigger, path, errors);
    if (compiled && trigger.enabled !== false) triggers.push(compiled);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    escalation: {
      document,
      levels,
      categoryRisks: { ...DEFAULT_CATEGORY_RISKS, ...document.categories },
      thresholds: { ...DEFAULT_THRESHOLDS, ...document.thresholds },
      checks: checksConfig(document),
      triggers,
    },
  };
}

function compileTrigger(trigger: TriggerDocument, path: string, errors: ConfigError[]): CompiledTrigger | undefined {
  const level = trigger.level ?? 1;
  if (level < 1 || level > MAX_LEVEL) errors.push({ path: `${path}/level`, message: `Levels run from 1 to ${MAX_LEVEL}.` });
  const source = triggerSource(trigger, path, errors);
  if (source === undefined) return undefined;
  const compiled = compileConditionTree(source, CONDITION_SCOPE, trigger.when !== undefined ? `${path}/when` : `${path}/preset`, errors);
  if (!compiled) return undefined;
  const preset = trigger.preset !== undefined && isPresetName(trigger.preset) ? PRESETS[trigger.preset] : undefined;
  return {
    name: trigger.name,
    level,
    reason: trigger.reason ?? preset?.reason ?? `Trigger "${trigger.name}"`,
    source,
    evaluate: compiled.evaluate,
    scheduled: (preset && 'scheduled' in preset && preset.scheduled) || reads(compiled.tree, ['idle_hours', 'ticket.reroutes']),
    idleHours: lowerBoundOf(compiled.tree, 'idle_hours'),
  };
}

/** The condition a trigger runs: its own expression, or its preset expanded with its parameters. */
function triggerSource(trigger: TriggerDocument, path: string, errors: ConfigError[]): string | undefined {
  if ((trigger.preset === undefined) === (trigger.when === undefined)) {
    errors.push({ path, message: 'A trigger has either "preset" (a built-in trigger) or "when" (an expression), not both or neither.' });
    return undefined;
  }
  if (trigger.when !== undefined) {
    if (trigger.params !== undefined) errors.push({ path: `${path}/params`, message: '"params" belong to a preset.' });
    return trigger.when;
  }
  const name = trigger.preset!;
  if (!isPresetName(name)) {
    errors.push({ path: `${path}/preset`, message: `There is no built-in trigger "${name}".` });
    return undefined;
  }
  const params = presetParams(name, trigger.params ?? {});
  if (!params.ok) {
    for (const error of params.errors) errors.push({ path: `${path}/params${error.path}`, message: error.message });
    return undefined;
  }
  return PRESETS[name].build(params.params);
}

function checkParty(party: PartyDocument, path: string, refs: ConfigReferences | null, errors: ConfigError[]): void {
  if ('agent' in party) checkAgent(party.agent, `${path}/agent`, refs, errors);
  else if (!(ROLES as readonly string[]).includes(party.role)) errors.push({ path: `${path}/role`, message: `There is no role "${String(party.role)}".` });
}

function checksConfig(document: EscalationDocument): ChecksConfig {
  const checks = document.checks ?? {};
  return {
    requiredFields: checks.required_fields ?? DEFAULT_CHECKS.requiredFields,
    formats: checks.formats ?? DEFAULT_CHECKS.formats,
    policyFlags: checks.policy_flags ?? DEFAULT_CHECKS.policyFlags,
    minWords: checks.min_words ?? DEFAULT_CHECKS.minWords,
  };
}
