import type { Approval, ApprovalStatus, ApprovalVote } from '../approval/approval.js';
import type { Page } from './store.js';

export interface ApprovalQuery {
  workspaceId: string;
  statuses?: ApprovalStatus[];
  ticketId?: string;
  /**
   * Only approvals this voter may still answer: they are named by agent id, are in the team, or
   * hold one of the roles; and they have not voted (`key`).
   */
  approver?: { key: string; agentId: string | null; teams: readonly string[]; roles: readonly string[] };
  /** The id after which the page starts (ids sort newest first). */
  after?: string;
  limit: number;
}

export interface ApprovalRepository {
  get(workspaceId: string, id: string): Promise<Approval | undefined>;
  insert(approval: Approval): Promise<void>;
  /** Writes the approval's status and decision time if it is still at `previousVersion`; false when it was not. */
  update(approval: Approval, previousVersion: number): Promise<boolean>;
  /** Adds a vote; a second vote of the same voter violates a unique key. */
  addVote(workspaceId: string, approvalId: string, vote: ApprovalVote): Promise<void>;
  list(query: ApprovalQuery): Promise<Page<Approval>>;
  /** The ticket's approvals, oldest first. */
  forTicket(workspaceId: string, ticketId: string): Promise<Approval[]>;
  /** The latest approval of each of these tickets ({id, status}), for presenting tickets. */
  latestFor(workspaceId: string, ticketIds: readonly string[]): Promise<Map<string, Pick<Approval, 'id' | 'status'>>>;
}
