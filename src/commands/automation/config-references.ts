import type { ActionDocument } from '../../domain/automation/automation.js';
import type { ConfigReferences } from '../../domain/automation/config-errors.js';
import type { EscalationDocument, PartyDocument } from '../../domain/escalation/escalation-config.js';
import type { CommandContext } from '../context.js';

/**
 * Looks up what a workflow document names — the routing policy's queues, the agents, the canned
 * responses, the webhook endpoints — so the domain can check references without reading the store.
 */
export async function configReferences(
  ctx: CommandContext, agentIds: readonly string[], cannedIds: readonly string[], webhookIds: readonly string[] = [],
): Promise<ConfigReferences> {
  const policy = await ctx.tx.policies.current(ctx.workspaceId);
  const agents = new Set<string>();
  for (const id of new Set(agentIds)) {
    const agent = await ctx.tx.agents.get(ctx.workspaceId, id);
    if (agent && agent.removedAt === null) agents.add(id);
  }
  return {
    queues: policy ? new Set(policy.document.queues.map((queue) => queue.id)) : null,
    agents,
    cannedResponses: await ctx.tx.workflow.cannedResponses.existing(ctx.workspaceId, [...new Set(cannedIds)]),
    webhooks: new Set((await ctx.tx.webhooks.listEndpoints(ctx.workspaceId)).map((endpoint) => endpoint.id).filter((id) => webhookIds.includes(id))),
  };
}

/** The agents an escalation config names as owners, consulted, informed or approvers. */
export function escalationAgents(document: EscalationDocument): string[] {
  const parties: PartyDocument[] = document.levels.flatMap((level) => [level.owner, ...(level.consulted ?? []), ...(level.informed ?? [])]);
  const approvers = document.levels.flatMap((level) => level.approval ? actionReferences([{ kind: 'request_approval', ...level.approval }]).agents : []);
  return [...parties.flatMap((party) => ('agent' in party ? [party.agent] : [])), ...approvers];
}

/** The agents, canned responses and webhook endpoints an automation's actions name (also inside approval requests). */
export function actionReferences(actions: readonly ActionDocument[]): { agents: string[]; canned: string[]; webhooks: string[] } {
  const refs = { agents: [] as string[], canned: [] as string[], webhooks: [] as string[] };
  for (const action of actions) {
    if (action.kind === 'assign_agent' || action.kind === 'add_watcher') refs.agents.push(action.agent);
    if (action.kind === 'reply' || action.kind === 'note') refs.canned.push(action.canned_response);
    if (action.kind === 'notify_webhook') refs.webhooks.push(action.webhook);
    if (action.kind === 'request_approval') {
      const held = actionReferences([...(action.on_approve ?? []), ...(action.on_reject ?? [])]);
      refs.agents.push(...('agents' in action.approvers ? action.approvers.agents : []), ...held.agents);
      refs.canned.push(...held.canned);
      refs.webhooks.push(...held.webhooks);
    }
  }
  return refs;
}
