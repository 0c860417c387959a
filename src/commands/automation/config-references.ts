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

/** The agents an escalation config names as owners, consulted or informed. */
export function escalationAgents(document: EscalationDocument): string[] {
  const parties: PartyDocument[] = document.levels.flatMap((level) => [level.owner, ...(level.consulted ?? []), ...(level.informed ?? [])]);
  return parties.flatMap((party) => ('agent' in party ? [party.agent] : []));
}

/** The agents, canned responses and webhook endpoints an automation's actions name. */
export function actionReferences(actions: readonly ActionDocument[]): { agents: string[]; canned: string[]; webhooks: string[] } {
  const agents: string[] = [];
  const canned: string[] = [];
  const webhooks: string[] = [];
  for (const action of actions) {
    if (action.kind === 'assign_agent' || action.kind === 'add_watcher') agents.push(action.agent);
    if (action.kind === 'reply' || action.kind === 'note') canned.push(action.canned_response);
    if (action.kind === 'notify_webhook') webhooks.push(action.webhook);
  }
  return { agents, canned, webhooks };
}
