import type { Kysely, Selectable } from 'kysely';
import type { Approval, ApprovalStatus, ApprovalVote, ApproversDocument, HeldAction, VoteDecision } from '../../../domain/approval/approval.js';
import type { ApprovalQuery, ApprovalRepository } from '../../../domain/store/approval-store.js';
import type { Page } from '../../../domain/store/store.js';
import type { Actor } from '../../../domain/shared/actor.js';
import type { ApprovalTable, ApprovalVoteTable } from '../approval-schema.js';
import { readJson, writeJson } from '../codec.js';
import type { Database } from '../schema.js';

/** Approvals with their named agents and votes. */
export class KyselyApprovalRepository implements ApprovalRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(workspaceId: string, id: string): Promise<Approval | undefined> {
    const row = await this.db.selectFrom('approvals').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && (await this.withVotes([row]))[0];
  }

  async insert(approval: Approval): Promise<void> {
    const { approvers } = approval;
    await this.db.insertInto('approvals').values({
      id: approval.id, workspace_id: approval.workspaceId, ticket_id: approval.ticketId, status: approval.status,
      approvers: writeJson(approvers),
      approver_role: 'role' in approvers ? approvers.role : null,
      approver_team: 'team' in approvers ? approvers.team.toLowerCase() : null,
      reason: approval.reason, hold: approval.hold ? 1 : 0, on_approve: writeJson(approval.onApprove), on_reject: writeJson(approval.onReject),
      remind_after_ms: approval.remindAfterMs, escalate_after_ms: approval.escalateAfterMs, source: approval.source,
      requested_by: writeJson(approval.requestedBy), requested_at: approval.requestedAt, decided_at: approval.decidedAt, version: approval.version,
    }).execute();
    if ('agents' in approvers && approvers.agents.length > 0) {
      await this.db.insertInto('approval_agents').values(approvers.agents.map((agentId) => ({ approval_id: approval.id, agent_id: agentId }))).execute();
    }
  }

  async update(approval: Approval, previousVersion: number): Promise<boolean> {
    const result = await this.db.updateTable('approvals')
      .set({ status: approval.status, decided_at: approval.decidedAt, version: approval.version })
      .where('workspace_id', '=', approval.workspaceId).where('id', '=', approval.id).where('version', '=', previousVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async addVote(_workspaceId: string, approvalId: string, vote: ApprovalVote): Promise<void> {
    await this.db.insertInto('approval_votes').values({
      approval_id: approvalId, voter: vote.voter, agent_id: vote.agentId, name: vote.name, decision: vote.decision, comment: vote.comment, at: vote.at,
    }).execute();
  }

  async list(query: ApprovalQuery): Promise<Page<Approval>> {
    let q = this.db.selectFrom('approvals').selectAll().where('workspace_id', '=', query.workspaceId);
    if (query.statuses?.length) q = q.where('status', 'in', query.statuses);
    if (query.ticketId !== undefined) q = q.where('ticket_id', '=', query.ticketId);
    const approver = query.approver;
    if (approver) {
      q = q.where((eb) => eb.or([
        ...(approver.roles.length ? [eb('approver_role', 'in', [...approver.roles])] : []),
        ...(approver.teams.length ? [eb('approver_team', 'in', approver.teams.map((t) => t.toLowerCase()))] : []),
        ...(approver.agentId ? [eb.exists(eb.selectFrom('approval_agents').select('approval_id')
          .whereRef('approval_agents.approval_id', '=', 'approvals.id').where('approval_agents.agent_id', '=', approver.agentId))] : []),
      ])).where((eb) => eb.not(eb.exists(eb.selectFrom('approval_votes').select('approval_id')
        .whereRef('approval_votes.approval_id', '=', 'approvals.id').where('approval_votes.voter', '=', approver.key))));
    }
    if (query.after !== undefined) q = q.where('id', '<', query.after);
    const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
    const pageRows = rows.slice(0, query.limit);
    return { items: await this.withVotes(pageRows), nextCursor: rows.length > query.limit ? pageRows[pageRows.length - 1]!.id : null };
  }

  async forTicket(workspaceId: string, ticketId: string): Promise<Approval[]> {
    const rows = await this.db.selectFrom('approvals').selectAll()
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).orderBy('id').execute();
    return this.withVotes(rows);
  }

  async latestFor(workspaceId: string, ticketIds: readonly string[]): Promise<Map<string, Pick<Approval, 'id' | 'status'>>> {
    const latest = new Map<string, Pick<Approval, 'id' | 'status'>>();
    if (ticketIds.length === 0) return latest;
    const rows = await this.db.selectFrom('approvals').select(['id', 'ticket_id', 'status'])
      .where('workspace_id', '=', workspaceId).where('ticket_id', 'in', [...ticketIds]).orderBy('id').execute();
    for (const row of rows) latest.set(row.ticket_id, { id: row.id, status: row.status as ApprovalStatus });
    return latest;
  }

  private async withVotes(rows: Selectable<ApprovalTable>[]): Promise<Approval[]> {
    if (rows.length === 0) return [];
    const votes = await this.db.selectFrom('approval_votes').selectAll()
      .where('approval_id', 'in', rows.map((row) => row.id)).orderBy('at').orderBy('voter').execute();
    return rows.map((row) => toApproval(row, votes.filter((vote) => vote.approval_id === row.id)));
  }
}

function toApproval(row: Selectable<ApprovalTable>, votes: Selectable<ApprovalVoteTable>[]): Approval {
  return {
    id: row.id, workspaceId: row.workspace_id, ticketId: row.ticket_id, status: row.status as ApprovalStatus,
    approvers: readJson<ApproversDocument>(row.approvers), reason: row.reason, hold: row.hold === 1,
    onApprove: readJson<HeldAction[]>(row.on_approve), onReject: readJson<HeldAction[]>(row.on_reject),
    remindAfterMs: row.remind_after_ms === null ? null : Number(row.remind_after_ms),
    escalateAfterMs: row.escalate_after_ms === null ? null : Number(row.escalate_after_ms),
    source: row.source, requestedBy: readJson<Actor>(row.requested_by), requestedAt: Number(row.requested_at),
    decidedAt: row.decided_at === null ? null : Number(row.decided_at), version: row.version,
    votes: votes.map((vote) => ({
      voter: vote.voter, agentId: vote.agent_id, name: vote.name, decision: vote.decision as VoteDecision, comment: vote.comment, at: Number(vote.at),
    })),
  };
}
