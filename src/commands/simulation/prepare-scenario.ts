import { fail } from '../../domain/errors.js';
import type { PolicyDocument } from '../../domain/routing/policy.js';
import { checkScenario, type ScenarioDocument } from '../../domain/simulator/scenario.js';
import type { CommandContext } from '../context.js';

/** A policy in a scenario as a client gives it: a document, or "current" for the one in force. */
export type PolicyChoice = PolicyDocument | 'current';

/** A scenario whose policies may still name the workspace's policy in force. */
export type ScenarioInput = Omit<ScenarioDocument, 'policy' | 'policies'> & {
  policy?: PolicyChoice;
  policies?: { name: string; policy: PolicyChoice }[];
};

/** Whether the scenario names the workspace's policy in force (and so needs a workspace to run). */
export function needsCurrentPolicy(input: ScenarioInput): boolean {
  return input.policy === 'current' || (input.policies ?? []).some((p) => p.policy === 'current');
}

/**
 * Resolves "current" to the workspace's routing policy in force and checks the whole scenario,
 * so a run never starts on a scenario that would fail; `invalid_scenario` lists every mistake.
 */
export async function prepareScenarioCommand(ctx: CommandContext, input: ScenarioInput): Promise<ScenarioDocument> {
  const current = needsCurrentPolicy(input) ? (await ctx.tx.policies.current(ctx.workspaceId))?.document ?? null : null;
  return resolveScenario(input, current);
}

/** The scenario with "current" replaced by `current`, checked; throws `invalid_scenario` with every mistake. */
export function resolveScenario(input: ScenarioInput, current: PolicyDocument | null): ScenarioDocument {
  const resolve = (choice: PolicyChoice, path: string): PolicyDocument => {
    if (choice !== 'current') return choice;
    if (current) return current;
    throw invalidScenario([{ path, message: 'This workspace has no routing policy in force to simulate.' }]);
  };
  const { policy, policies, ...rest } = input;
  const scenario: ScenarioDocument = { ...rest };
  if (policy !== undefined) scenario.policy = resolve(policy, '/policy');
  if (policies !== undefined) scenario.policies = policies.map((p, i) => ({ name: p.name, policy: resolve(p.policy, `/policies/${i}/policy`) }));
  const errors = checkScenario(scenario);
  if (errors.length > 0) throw invalidScenario(errors);
  return scenario;
}

function invalidScenario(errors: { path: string; message: string }[]) {
  return fail('invalid_scenario', 'The scenario has mistakes; nothing was run.', { errors });
}
