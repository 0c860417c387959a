import type { ActionDocument } from '../automation/automation.js';
import type { ConfigError, ConfigReferences } from '../automation/config-errors.js';
import { parseDuration } from '../routing/policy.js';
import { APPROVER_ROLES, type ApprovalPlan, type ApprovalSpecDocument, type ApproversDocument } from './approval.js';

/** Checks one held action at a path, adding its mistakes; given by the caller so this module needs no action compiler. */
export type HeldActionCheck = (action: ActionDocument, path: string, refs: ConfigReferences | null, errors: ConfigError[]) => void;

/**
 * Checks an approval spec, adding every mistake under `path`: approvers that are not exactly one
 * of agents, role or team, agents that do not exist or repeat, a `min` that no group can reach,
 * an empty reason, durations that do not parse, held actions that are wrong (or ask for another approval).
 */
export function checkApprovalSpec(spec: ApprovalSpecDocument, path: string, refs: ConfigReferences | null, errors: ConfigError[], checkAction: HeldActionCheck): void {
  checkApprovers(spec.approvers, `${path}/approvers`, refs, errors);
  if (spec.reason.trim() === '') errors.push({ path: `${path}/reason`, message: 'Say why the approval is needed.' });
  for (const key of ['remind_after', 'escalate_after'] as const) {
    const text = spec[key];
    const ms = text === undefined ? 1 : parseDuration(text);
    if (ms === undefined || ms <= 0) errors.push({ path: `${path}/${key}`, message: `"${text}" is not a duration; write e.g. "30m", "4h" or "1d".` });
  }
  for (const key of ['on_approve', 'on_reject'] as const) {
    (spec[key] ?? []).forEach((action, i) => {
      const at = `${path}/${key}/${i}`;
      if ((action as ActionDocument).kind === 'request_approval') errors.push({ path: `${at}/kind`, message: 'An approval cannot hold another approval request.' });
      else checkAction(action, at, refs, errors);
    });
  }
}

function checkApprovers(approvers: ApproversDocument, path: string, refs: ConfigReferences | null, errors: ConfigError[]): void {
  const kinds = (['agents', 'role', 'team'] as const).filter((key) => key in approvers);
  if (kinds.length !== 1) {
    errors.push({ path, message: 'Name the approvers as exactly one of "agents", "role" or "team".' });
    return;
  }
  const min = approvers.min ?? 1;
  if (!Number.isInteger(min) || min < 1) errors.push({ path: `${path}/min`, message: '"min" is a whole number of at least 1.' });
  if ('agents' in approvers) {
    if (approvers.agents.length === 0) errors.push({ path: `${path}/agents`, message: 'Name at least one agent.' });
    if (new Set(approvers.agents).size !== approvers.agents.length) errors.push({ path: `${path}/agents`, message: 'An agent is named twice.' });
    if (min > approvers.agents.length) errors.push({ path: `${path}/min`, message: `${min} approvals are needed but only ${approvers.agents.length} agent(s) are named.` });
    approvers.agents.forEach((agent, i) => {
      if (refs !== null && !refs.agents.has(agent)) errors.push({ path: `${path}/agents/${i}`, message: `There is no agent "${agent}".` });
    });
  } else if ('role' in approvers) {
    if (!APPROVER_ROLES.includes(approvers.role)) errors.push({ path: `${path}/role`, message: `Approvers can be ${APPROVER_ROLES.join(', ')}.` });
  } else if (approvers.team.trim() === '') {
    errors.push({ path: `${path}/team`, message: 'Name the team.' });
  }
}

/** The spec as an approval takes it (call after checkApprovalSpec found no mistakes). */
export function planApproval(spec: ApprovalSpecDocument): ApprovalPlan {
  return {
    approvers: spec.approvers,
    reason: spec.reason.trim(),
    hold: spec.hold ?? true,
    onApprove: spec.on_approve ?? [],
    onReject: spec.on_reject ?? [],
    remindAfterMs: spec.remind_after === undefined ? null : parseDuration(spec.remind_after) ?? null,
    escalateAfterMs: spec.escalate_after === undefined ? null : parseDuration(spec.escalate_after) ?? null,
  };
}
