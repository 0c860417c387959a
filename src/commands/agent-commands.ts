import { applyAgentPatch, createAgent, type Agent, type AgentDraft, type AgentPatch } from '../domain/agent/agent.js';
import { assertValidWorkingHours } from '../domain/agent/working-hours.js';
import { fail } from '../domain/errors.js';
import type { JsonObject, JsonValue } from '../domain/shared/json.js';
import type { CommandContext } from './context.js';
import { recordEvent } from './record-event.js';
import { afterAgentChange } from './routing/reactions.js';
import { pullWork } from './routing/pull-work.js';
import { canRoute } from './routing/routing-context.js';

/** The agent, or `agent_not_found` (also for other workspaces' ids). */
export async function loadAgent(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<Agent> {
  const agent = await ctx.tx.agents.get(ctx.workspaceId, id);
  if (!agent) throw fail('agent_not_found', `No agent ${id}.`);
  return agent;
}

/** Adds an agent to the workspace and records `agent.created`. */
export async function createAgentCommand(ctx: CommandContext, draft: AgentDraft): Promise<Agent> {
  if (draft.workingHours) assertValidWorkingHours(draft.workingHours, '/working_hours');
  const agent = createAgent(draft, ctx.ids.next('agt'), ctx.workspaceId, ctx.clock.now());
  if (!agent.name) throw fail('invalid_value', 'An agent needs a name.', { path: '/name' });
  await ctx.tx.agents.insert(agent);
  await recordEvent(ctx, { entityKind: 'agent', entityId: agent.id, type: 'agent.created', after: agentSnapshot(agent) });
  await agentsChanged(ctx, null, agent);
  return agent;
}

/** Changes an agent (skills, capacity, presence…) and records what changed. */
export async function updateAgentCommand(ctx: CommandContext, id: string, patch: AgentPatch): Promise<Agent> {
  const current = await loadAgent(ctx, id);
  if (current.removedAt !== null) throw fail('agent_not_found', `Agent ${id} was removed.`);
  if (patch.workingHours) assertValidWorkingHours(patch.workingHours, '/working_hours');
  const agent = applyAgentPatch(current, patch, ctx.clock.now());
  if (!agent.name) throw fail('invalid_value', 'An agent needs a name.', { path: '/name' });
  const { before, after } = diffAgents(current, agent);
  if (Object.keys(after).length === 0) return current;
  if (!(await ctx.tx.agents.update(agent, current.version))) {
    throw fail('version_conflict', `Agent ${id} was changed by someone else.`);
  }
  const type = Object.keys(after).length === 1 && 'status' in after ? 'agent.presence_changed' : 'agent.updated';
  await recordEvent(ctx, { entityKind: 'agent', entityId: id, type, before, after });
  await agentsChanged(ctx, current, agent);
  return agent;
}

/** Takes an agent out of the workspace; history keeps them, routing no longer sees them. */
export async function removeAgentCommand(ctx: CommandContext, id: string): Promise<Agent> {
  const current = await loadAgent(ctx, id);
  if (current.removedAt !== null) return current;
  const now = ctx.clock.now();
  const agent: Agent = { ...current, status: 'offline', statusChangedAt: now, removedAt: now, version: current.version + 1, updatedAt: now };
  if (!(await ctx.tx.agents.update(agent, current.version))) {
    throw fail('version_conflict', `Agent ${id} was changed by someone else.`);
  }
  await recordEvent(ctx, { entityKind: 'agent', entityId: id, type: 'agent.removed', before: { status: current.status } });
  await agentsChanged(ctx, current, agent);
  return agent;
}

/**
 * Tells routing about the change: other nodes see the workspace's agents counter move and reload;
 * this node updates its pool at once and re-routes or pulls work as presence and capacity changed.
 */
async function agentsChanged(ctx: CommandContext, before: Agent | null, after: Agent): Promise<void> {
  const agentsVersion = await ctx.tx.policies.bumpAgentsVersion(ctx.workspaceId);
  if (!canRoute(ctx)) return;
  ctx.routing.agentChanged(ctx.workspaceId, after, agentsVersion);
  if (before) await afterAgentChange(ctx, before, after);
  else await pullWork(ctx, after.id);
}

const AGENT_FIELDS = [
  'name', 'email', 'skills', 'languages', 'teams', 'level', 'capacity', 'status', 'workingHours', 'location', 'attributes',
] as const satisfies readonly (keyof Agent)[];

function agentSnapshot(agent: Agent): JsonObject {
  const out: JsonObject = {};
  for (const field of AGENT_FIELDS) out[field] = agent[field] as JsonValue;
  return out;
}

function diffAgents(before: Agent, after: Agent): { before: JsonObject; after: JsonObject } {
  const a = agentSnapshot(before);
  const b = agentSnapshot(after);
  const diff = { before: {} as JsonObject, after: {} as JsonObject };
  for (const field of AGENT_FIELDS) {
    if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) {
      diff.before[field] = a[field] ?? null;
      diff.after[field] = b[field] ?? null;
    }
  }
  return diff;
}
