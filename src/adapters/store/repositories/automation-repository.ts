import { sql, type Kysely, type Selectable } from 'kysely';
import type { Automation, AutomationDocument } from '../../../domain/automation/automation.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import { DONE_STATUSES } from '../../../domain/ticket/status.js';
import type { AutomationRepository, OpenTicketFilter, PendingEvent } from '../../../domain/store/workflow-store.js';
import { readJson, readNullableJson, writeJson } from '../codec.js';
import type { Database } from '../schema.js';
import type { AutomationTable } from '../workflow-schema.js';

const DONE = [...DONE_STATUSES];

/** Automations, their schedules and marks, and the workspace's workflow version counter. */
export class KyselyAutomationRepository implements AutomationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async workflowVersion(workspaceId: string): Promise<number> {
    const row = await this.db.selectFrom('workspaces').select('workflow_version').where('id', '=', workspaceId).executeTakeFirst();
    return row?.workflow_version ?? 0;
  }

  async bumpWorkflowVersion(workspaceId: string): Promise<number> {
    const row = await this.db.updateTable('workspaces').set((eb) => ({ workflow_version: eb('workflow_version', '+', 1) }))
      .where('id', '=', workspaceId).returning('workflow_version').executeTakeFirst();
    return row?.workflow_version ?? 0;
  }

  async get(workspaceId: string, id: string): Promise<Automation | undefined> {
    const row = await this.db.selectFrom('automations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toAutomation(row);
  }

  async list(workspaceId: string): Promise<Automation[]> {
    const rows = await this.db.selectFrom('automations').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
    return rows.map(toAutomation);
  }

  async insert(automation: Automation): Promise<void> {
    await this.db.insertInto('automations').values({
      id: automation.id, workspace_id: automation.workspaceId, document: writeJson(automation.document), version: automation.version,
      created_at: automation.createdAt, updated_at: automation.updatedAt, next_run_at: automation.nextRunAt,
    }).execute();
  }

  async update(automation: Automation): Promise<boolean> {
    const result = await this.db.updateTable('automations')
      .set({ document: writeJson(automation.document), version: automation.version, updated_at: automation.updatedAt, next_run_at: automation.nextRunAt })
      .where('workspace_id', '=', automation.workspaceId).where('id', '=', automation.id).where('version', '=', automation.version - 1)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    await this.db.deleteFrom('automation_marks').where('automation_id', '=', id).execute();
    const result = await this.db.deleteFrom('automations').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async dueSchedules(now: number, limit: number): Promise<Automation[]> {
    const rows = await this.db.selectFrom('automations').selectAll().where('next_run_at', '<=', now).orderBy('next_run_at').limit(limit).execute();
    return rows.map(toAutomation);
  }

  async claimSchedule(id: string, dueAt: number, nextRunAt: number): Promise<boolean> {
    const result = await this.db.updateTable('automations').set({ next_run_at: nextRunAt })
      .where('id', '=', id).where('next_run_at', '=', dueAt).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async openTickets(workspaceId: string, filter: OpenTicketFilter, afterId: string | undefined, limit: number): Promise<string[]> {
    let q = this.db.selectFrom('tickets').select('id').where('workspace_id', '=', workspaceId).where('status', 'not in', DONE);
    if (filter.updatedBefore !== undefined) q = q.where('updated_at', '<=', filter.updatedBefore);
    if (filter.updatedSince !== undefined) q = q.where('updated_at', '>=', filter.updatedSince);
    if (filter.rerouted) q = q.where('reroutes', '>', 0);
    if (filter.belowLevel !== undefined) q = q.where('escalation_level', '<', filter.belowLevel);
    if (afterId !== undefined) q = q.where('id', '>', afterId);
    return (await q.orderBy('id').limit(limit).execute()).map((row) => row.id);
  }

  async lastFired(automationId: string, ticketId: string): Promise<number | null> {
    const row = await this.db.selectFrom('automation_marks').select('fired_at')
      .where('automation_id', '=', automationId).where('ticket_id', '=', ticketId).executeTakeFirst();
    return row?.fired_at ?? null;
  }

  async markFired(workspaceId: string, automationId: string, ticketId: string, at: number): Promise<void> {
    await this.db.insertInto('automation_marks').values({ workspace_id: workspaceId, automation_id: automationId, ticket_id: ticketId, fired_at: at })
      .onConflict((oc) => oc.columns(['automation_id', 'ticket_id']).doUpdateSet({ fired_at: at })).execute();
  }

  async undispatchedSlaEvents(since: number, limit: number): Promise<PendingEvent[]> {
    const rows = await this.db.selectFrom('events').select(['id', 'workspace_id', 'ticket_id', 'type', 'data'])
      .where(sql<boolean>`type in ('sla.warning', 'sla.breached')`).where('at', '>=', since).where('ticket_id', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dispatched_events').select('event_id').whereRef('dispatched_events.event_id', '=', 'events.id'))))
      .orderBy('id').limit(limit).execute();
    return rows.map((row) => ({
      id: Number(row.id), workspaceId: row.workspace_id, ticketId: row.ticket_id!, type: row.type, data: readNullableJson<JsonObject>(row.data) ?? {},
    }));
  }

  async markDispatched(workspaceId: string, eventId: number, at: number): Promise<boolean> {
    const result = await this.db.insertInto('dispatched_events').values({ event_id: eventId, workspace_id: workspaceId, at })
      .onConflict((oc) => oc.column('event_id').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }
}

function toAutomation(row: Selectable<AutomationTable>): Automation {
  return {
    id: row.id, workspaceId: row.workspace_id, document: readJson<AutomationDocument>(row.document), version: row.version,
    createdAt: row.created_at, updatedAt: row.updated_at, nextRunAt: row.next_run_at,
  };
}
