import { fail } from '../../domain/errors.js';
import type { PolicyDocument } from '../../domain/routing/policy.js';
import type { DistributionDocument } from '../../domain/simulator/distributions.js';
import { checkScenario, type ArrivalsDocument, type HandleTimeDocument, type ReplayedArrival, type ScenarioDocument } from '../../domain/simulator/scenario.js';
import type { SettingsError } from '../../domain/sla/business-hours.js';
import type { CommandContext } from '../context.js';
import { historyDistribution, readHistory, type HistorySample } from './scenario-history.js';

/** A policy in a scenario as a client gives it: a document, or "current" for the one in force. */
export type PolicyChoice = PolicyDocument | 'current';

/**
 * A scenario as a client gives it: its policies may name the workspace's policy in force, its
 * arrivals may replay the workspace's history and its handle times may be drawn from it.
 */
export type ScenarioInput = Omit<ScenarioDocument, 'policy' | 'policies' | 'arrivals' | 'handle_time' | 'duration_s'> & {
  duration_s?: number;
  /** The window of history that "history" replays or samples (ISO 8601 instants). */
  history?: { from: string; to: string };
  arrivals: Omit<ArrivalsDocument, 'replay'> & { replay?: ReplayedArrival[] | 'history' };
  handle_time: Omit<HandleTimeDocument, 'dist'> & { dist: string };
  policy?: PolicyChoice;
  policies?: { name: string; policy: PolicyChoice }[];
};

/** What a scenario may take from its workspace. */
export interface WorkspaceFacts {
  current: PolicyDocument | null;
  history: HistorySample | null;
}

/** Whether the scenario names the workspace's policy in force or its history (and so needs a workspace). */
export function needsWorkspace(input: ScenarioInput): boolean {
  return needsCurrentPolicy(input) || needsHistory(input);
}

/**
 * Resolves what the scenario takes from the workspace (its policy in force, its history) and
 * checks the whole scenario, so a run never starts on one that would fail; `invalid_scenario`
 * lists every mistake with its path.
 */
export async function prepareScenarioCommand(ctx: CommandContext, input: ScenarioInput): Promise<ScenarioDocument> {
  const current = needsCurrentPolicy(input) ? (await ctx.tx.policies.current(ctx.workspaceId))?.document ?? null : null;
  const window = needsHistory(input) ? historyWindow(input) : null;
  const history = window ? await readHistory(ctx, window) : null;
  return resolveScenario(input, { current, history });
}

/** The scenario with the workspace's facts filled in, checked; throws `invalid_scenario` with every mistake. */
export function resolveScenario(input: ScenarioInput, facts: WorkspaceFacts): ScenarioDocument {
  const errors: SettingsError[] = [];
  const resolve = (choice: PolicyChoice, path: string): PolicyDocument => {
    if (choice !== 'current') return choice;
    if (!facts.current) errors.push({ path, message: 'This workspace has no routing policy in force to simulate.' });
    return facts.current ?? { queues: [], rules: [], default: { queue: '' } };
  };
  const { policy, policies, history, arrivals, handle_time: handleTime, duration_s: duration, ...rest } = input;
  const window = history ? historyWindow(input) : null;
  const scenario: ScenarioDocument = {
    ...rest,
    start: rest.start ?? (window ? new Date(window.from).toISOString() : undefined),
    duration_s: duration ?? (window ? (window.to - window.from) / 1000 : Number.NaN),
    arrivals: { ...arrivals, replay: arrivals.replay === 'history' ? historyArrivals(facts.history, errors) : arrivals.replay },
    handle_time: handleTime.dist === 'history' ? { ...handleTime, ...historyHandleTimes(facts.history, errors) } : handleTime as HandleTimeDocument,
  };
  if (scenario.start === undefined) delete scenario.start;
  if (scenario.arrivals.replay === undefined) delete scenario.arrivals.replay;
  if (policy !== undefined) scenario.policy = resolve(policy, '/policy');
  if (policies !== undefined) scenario.policies = policies.map((p, i) => ({ name: p.name, policy: resolve(p.policy, `/policies/${i}/policy`) }));
  if (errors.length === 0) errors.push(...checkScenario(scenario));
  if (errors.length > 0) throw fail('invalid_scenario', 'The scenario has mistakes; nothing was run.', { errors });
  return scenario;
}

function needsCurrentPolicy(input: ScenarioInput): boolean {
  return input.policy === 'current' || (input.policies ?? []).some((p) => p.policy === 'current');
}

function needsHistory(input: ScenarioInput): boolean {
  return input.arrivals.replay === 'history' || input.handle_time.dist === 'history';
}

function historyWindow(input: ScenarioInput): { from: number; to: number } {
  const invalid = (message: string) => fail('invalid_scenario', 'The scenario has mistakes; nothing was run.', { errors: [{ path: '/history', message }] });
  if (!input.history) throw invalid('"history" needs a window: {"from": ISO instant, "to": ISO instant}.');
  const from = Date.parse(input.history.from);
  const to = Date.parse(input.history.to);
  if (Number.isNaN(from) || Number.isNaN(to) || from >= to) throw invalid('from and to are ISO 8601 instants, from before to.');
  return { from, to };
}

function historyArrivals(history: HistorySample | null, errors: SettingsError[]): ReplayedArrival[] {
  if (!history || history.arrivals.length === 0) errors.push({ path: '/arrivals/replay', message: 'No tickets were created in the history window.' });
  else if (history.truncated) errors.push({ path: '/arrivals/replay', message: 'The history window holds more tickets than one replay takes; shorten it.' });
  return history?.arrivals ?? [];
}

function historyHandleTimes(history: HistorySample | null, errors: SettingsError[]): DistributionDocument {
  const distribution = history ? historyDistribution(history) : null;
  if (!distribution) errors.push({ path: '/handle_time/dist', message: 'No ticket of the history window was resolved after a first response: there are no handle times to draw from.' });
  return distribution ?? { dist: 'constant', value_s: 1 };
}
