import type { ApprovalSpecDocument, HeldAction } from '../approval/approval.js';
import type { ActionDocument, AutomationDocument } from '../automation/automation.js';
import type { EscalationDocument, PartyDocument } from '../escalation/escalation-config.js';
import type { SlaPolicyDocument, SlaTargets } from '../sla/sla-policy.js';

/**
 * A template names what it creates by template-local references: an agent by `@key`, a canned
 * response and business hours by their name. These functions rewrite the references of a
 * document in both directions (template → workspace ids on apply, ids → template names on export).
 */
export type Rename = (reference: string) => string;

/** The key of an `@key` agent reference, or undefined when the text is no such reference. */
export function agentKeyOf(reference: string): string | undefined {
  return /^@[a-z0-9][a-z0-9_-]{0,39}$/.test(reference) ? reference.slice(1) : undefined;
}

/** The escalation config with every owner, consulted and informed agent renamed. */
export function renameEscalationAgents(document: EscalationDocument, rename: Rename): EscalationDocument {
  const party = (p: PartyDocument): PartyDocument => ('agent' in p ? { agent: rename(p.agent) } : p);
  return {
    ...document,
    levels: document.levels.map((level) => ({
      ...level,
      owner: party(level.owner),
      ...(level.consulted ? { consulted: level.consulted.map(party) } : {}),
      ...(level.informed ? { informed: level.informed.map(party) } : {}),
      // The escalation config names no canned responses, so those of a level's approval stay as written.
      ...(level.approval ? { approval: renameApprovalRefs(level.approval, rename, (name) => name) } : {}),
    })),
  };
}

/** The automation with the agents and canned responses its actions name renamed. */
export function renameAutomationRefs(document: AutomationDocument, agent: Rename, canned: Rename): AutomationDocument {
  return { ...document, actions: renameActionRefs(document.actions, agent, canned) };
}

/** Actions with the agents and canned responses they name renamed, an approval's approvers and held actions too. */
function renameActionRefs(actions: readonly ActionDocument[], agent: Rename, canned: Rename): ActionDocument[] {
  return actions.map((a) => (a.kind === 'request_approval' ? renameApprovalRefs(a, agent, canned) : renameHeldRefs(a, agent, canned)));
}

function renameHeldRefs(a: HeldAction, agent: Rename, canned: Rename): HeldAction {
  if (a.kind === 'assign_agent' || a.kind === 'add_watcher') return { ...a, agent: agent(a.agent) };
  if (a.kind === 'reply' || a.kind === 'note') return { ...a, canned_response: canned(a.canned_response) };
  return a;
}

/** An approval request with its approver agents and the references of its held actions renamed. */
function renameApprovalRefs<T extends ApprovalSpecDocument>(spec: T, agent: Rename, canned: Rename): T {
  return {
    ...spec,
    approvers: 'agents' in spec.approvers ? { ...spec.approvers, agents: spec.approvers.agents.map(agent) } : spec.approvers,
    ...(spec.on_approve ? { on_approve: spec.on_approve.map((a) => renameHeldRefs(a, agent, canned)) } : {}),
    ...(spec.on_reject ? { on_reject: spec.on_reject.map((a) => renameHeldRefs(a, agent, canned)) } : {}),
  };
}

/** The SLA policy with the business hours of each target renamed. */
export function renameSlaHours(document: SlaPolicyDocument, rename: Rename): SlaPolicyDocument {
  const targets: SlaTargets = {};
  for (const [priority, metrics] of Object.entries(document.targets)) {
    targets[priority as keyof SlaTargets] = Object.fromEntries(Object.entries(metrics ?? {}).map(([metric, target]) =>
      [metric, { ...target, businessHoursId: target.businessHoursId === null ? null : rename(target.businessHoursId) }]));
  }
  return { ...document, targets };
}
