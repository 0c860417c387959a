import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Approvals: what waits for whom, the agents named as approvers (so "awaiting my approval" is a
 * query, not a scan), and the votes, one per voter by a unique key.
 */
export function approvalsSchema(traits: DialectTraits): Migration {
  const { jsonType: json, bigintType: bigint } = traits;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('approvals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('approvers', json, (c) => c.notNull())
        .addColumn('approver_role', 'text')
        .addColumn('approver_team', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('hold', 'integer', (c) => c.notNull())
        .addColumn('on_approve', json, (c) => c.notNull())
        .addColumn('on_reject', json, (c) => c.notNull())
        .addColumn('remind_after_ms', bigint)
        .addColumn('escalate_after_ms', bigint)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('requested_by', json, (c) => c.notNull())
        .addColumn('requested_at', bigint, (c) => c.notNull())
        .addColumn('decided_at', bigint)
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('approvals_ticket').on('approvals').columns(['workspace_id', 'ticket_id', 'status']).execute();
      await db.schema.createIndex('approvals_workspace').on('approvals').columns(['workspace_id', 'status', 'id']).execute();

      await db.schema
        .createTable('approval_agents')
        .addColumn('approval_id', 'text', (c) => c.notNull().references('approvals.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('approval_agents_pk', ['approval_id', 'agent_id'])
        .execute();
      await db.schema.createIndex('approval_agents_agent').on('approval_agents').columns(['agent_id', 'approval_id']).execute();

      await db.schema
        .createTable('approval_votes')
        .addColumn('approval_id', 'text', (c) => c.notNull().references('approvals.id'))
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('name', 'text')
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('approval_votes_pk', ['approval_id', 'voter'])
        .execute();
    },
  };
}
