import { ROLES, type Role } from '../auth/roles.js';
import type { ActionDocument } from '../automation/automation.js';
import type { Actor } from '../shared/actor.js';

export const APPROVAL_STATUSES = ['awaiting', 'approved', 'rejected', 'cancelled'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const VOTE_DECISIONS = ['approve', 'reject'] as const;
export type VoteDecision = (typeof VOTE_DECISIONS)[number];

/** The roles that may be named as approvers; a viewer cannot act, so cannot approve. */
export const APPROVER_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'viewer');

/**
 * Who may answer: any of the listed agents, anyone with a role (or a higher one), or anyone in a
 * team; `min` of them must approve (default 1).
 */
export type ApproversDocument =
  | { agents: string[]; min?: number }
  | { role: Role; min?: number }
  | { team: string; min?: number };

/** The actions an approval holds; an approval cannot hold another approval request. */
export type HeldAction = Exclude<ActionDocument, { kind: 'request_approval' }>;

/** An approval as policies, escalation levels, automations and people ask for it. */
export interface ApprovalSpecDocument {
  approvers: ApproversDocument;
  reason: string;
  /** Keep the ticket from being routed while the approval waits (default true). */
  hold?: boolean;
  on_approve?: HeldAction[];
  on_reject?: HeldAction[];
  /** Remind the approvers after this long without a decision, and again every so long, e.g. "4h". */
  remind_after?: string;
  /** Escalate the ticket one level after this long without a decision, e.g. "1d". */
  escalate_after?: string;
}

/** One approver's answer. `voter` is the agent's id; without an agent, the person's user id, or the token's id for a token nobody owns. */
export interface ApprovalVote {
  voter: string;
  agentId: string | null;
  name: string | null;
  decision: VoteDecision;
  comment: string | null;
  at: number;
}

/** An approval spec with its durations read, ready to become an approval. */
export interface ApprovalPlan {
  approvers: ApproversDocument;
  reason: string;
  hold: boolean;
  onApprove: HeldAction[];
  onReject: HeldAction[];
  remindAfterMs: number | null;
  escalateAfterMs: number | null;
}

/** A ticket (and the actions it holds) waiting for named approvers. */
export interface Approval extends ApprovalPlan {
  id: string;
  workspaceId: string;
  ticketId: string;
  status: ApprovalStatus;
  /** What asked for it: `manual`, `automation:<name>`, `policy:<rule>` or `escalation:<level>`. */
  source: string;
  requestedBy: Actor;
  requestedAt: number;
  decidedAt: number | null;
  votes: ApprovalVote[];
  version: number;
}

/** Who is voting: their identity, role and teams, as the surface that checked them knows them. */
export interface Voter {
  /** The agent's id, else the token's id: one vote each. */
  key: string;
  agentId: string | null;
  role: Role;
  teams: readonly string[];
  name: string | null;
}

const ROLE_RANK: Record<Role, number> = { viewer: 0, agent: 1, supervisor: 2, admin: 3 };

/** The approver roles a caller of this role counts as: its own and those below it. */
export function approverRolesOf(role: Role): Role[] {
  return APPROVER_ROLES.filter((named) => ROLE_RANK[named] <= ROLE_RANK[role]);
}

/** The roles that may answer an approval asking for this role: it and those above it. */
export function approverRolesAtLeast(role: Role): Role[] {
  return APPROVER_ROLES.filter((named) => ROLE_RANK[named] >= ROLE_RANK[role]);
}

/** How many distinct approvals decide it. */
export function requiredApprovals(approvers: ApproversDocument): number {
  return approvers.min ?? 1;
}

/** True when the voter is one of the approvers: a listed agent, the role or above, a team member. */
export function isApprover(approvers: ApproversDocument, voter: Voter): boolean {
  if ('agents' in approvers) return voter.agentId !== null && approvers.agents.includes(voter.agentId);
  if ('role' in approvers) return ROLE_RANK[voter.role] >= ROLE_RANK[approvers.role];
  // Agents' teams are kept in lower case.
  return approvers.team !== '' && voter.teams.includes(approvers.team.toLowerCase());
}

/** A short text naming the approvers, for history and lists. */
export function describeApprovers(approvers: ApproversDocument): string {
  const n = requiredApprovals(approvers);
  if ('agents' in approvers) return n === 1 ? `any of ${approvers.agents.join(', ')}` : `${n} of ${approvers.agents.join(', ')}`;
  if ('role' in approvers) return `${n === 1 ? 'a' : n} ${approvers.role}${n === 1 ? '' : 's'}`;
  return `${n} of team ${approvers.team}`;
}

/** True for the actor an approval's own held actions run as, so they are not held again. */
export function isApprovalActor(actor: Actor): boolean {
  return actor.kind === 'system' && actor.id !== null && actor.id.startsWith('apr_');
}

/** The actor an approval's held actions run as: kind `system`, the approval's id, its reason. */
export function approvalActor(approval: Pick<Approval, 'id' | 'reason'>): Actor {
  return { kind: 'system', id: approval.id, name: `approval: ${approval.reason}` };
}
