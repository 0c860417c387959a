import type { Kysely, Selectable } from 'kysely';
import type { BusinessHours } from '../../../domain/sla/business-hours.js';
import type { SlaPolicy, SlaTargets } from '../../../domain/sla/sla-policy.js';
import type { BusinessHoursRepository, SlaPolicyRepository } from '../../../domain/store/sla-store.js';
import { readJson, writeJson } from '../codec.js';
import type { BusinessHoursTable, Database, SlaPolicyTable } from '../schema.js';
import { bumpConfigVersion } from './config-version.js';

/** Business-hours calendars. */
export class KyselyBusinessHoursRepository implements BusinessHoursRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<BusinessHours[]> {
    const rows = await this.db.selectFrom('business_hours').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
    return rows.map(toBusinessHours);
  }

  async get(workspaceId: string, id: string): Promise<BusinessHours | undefined> {
    const row = await this.db.selectFrom('business_hours').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toBusinessHours(row);
  }

  async insert(hours: BusinessHours): Promise<void> {
    await this.db.insertInto('business_hours').values({ id: hours.id, workspace_id: hours.workspaceId, created_at: hours.createdAt, ...hoursRow(hours) }).execute();
    await bumpConfigVersion(this.db, hours.workspaceId);
  }

  async update(hours: BusinessHours, expectedVersion: number): Promise<boolean> {
    const result = await this.db.updateTable('business_hours').set(hoursRow(hours))
      .where('workspace_id', '=', hours.workspaceId).where('id', '=', hours.id).where('version', '=', expectedVersion).executeTakeFirst();
    if (result.numUpdatedRows > 0n) await bumpConfigVersion(this.db, hours.workspaceId);
    return result.numUpdatedRows > 0n;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('business_hours').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows > 0n) await bumpConfigVersion(this.db, workspaceId);
    return result.numDeletedRows > 0n;
  }
}

/** SLA policies, in the order they are tried. */
export class KyselySlaPolicyRepository implements SlaPolicyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<SlaPolicy[]> {
    const rows = await this.db.selectFrom('sla_policies').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
    return rows.map(toPolicy);
  }

  async get(workspaceId: string, id: string): Promise<SlaPolicy | undefined> {
    const row = await this.db.selectFrom('sla_policies').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toPolicy(row);
  }

  async insert(policy: SlaPolicy): Promise<void> {
    await this.db.insertInto('sla_policies').values({ id: policy.id, workspace_id: policy.workspaceId, created_at: policy.createdAt, ...policyRow(policy) }).execute();
    await bumpConfigVersion(this.db, policy.workspaceId);
  }

  async update(policy: SlaPolicy, expectedVersion: number): Promise<boolean> {
    const result = await this.db.updateTable('sla_policies').set(policyRow(policy))
      .where('workspace_id', '=', policy.workspaceId).where('id', '=', policy.id).where('version', '=', expectedVersion).executeTakeFirst();
    if (result.numUpdatedRows > 0n) await bumpConfigVersion(this.db, policy.workspaceId);
    return result.numUpdatedRows > 0n;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sla_policies').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows > 0n) await bumpConfigVersion(this.db, workspaceId);
    return result.numDeletedRows > 0n;
  }

  async reorder(workspaceId: string, ids: readonly string[]): Promise<void> {
    for (const [position, id] of ids.entries()) {
      await this.db.updateTable('sla_policies').set({ position }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    }
    await bumpConfigVersion(this.db, workspaceId);
  }
}

function hoursRow(hours: BusinessHours) {
  return {
    name: hours.name, time_zone: hours.timeZone, weekly: writeJson(hours.weekly), holidays: writeJson(hours.holidays),
    version: hours.version, updated_at: hours.updatedAt,
  };
}

function toBusinessHours(row: Selectable<BusinessHoursTable>): BusinessHours {
  return {
    id: row.id, workspaceId: row.workspace_id, name: row.name, timeZone: row.time_zone,
    weekly: readJson<BusinessHours['weekly']>(row.weekly), holidays: readJson<BusinessHours['holidays']>(row.holidays),
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function policyRow(policy: SlaPolicy) {
  return {
    name: policy.name, position: policy.position, condition: policy.condition, warn_fraction: policy.warnFraction,
    targets: writeJson(policy.targets), version: policy.version, updated_at: policy.updatedAt,
  };
}

function toPolicy(row: Selectable<SlaPolicyTable>): SlaPolicy {
  return {
    id: row.id, workspaceId: row.workspace_id, name: row.name, position: row.position, condition: row.condition,
    warnFraction: Number(row.warn_fraction), targets: readJson<SlaTargets>(row.targets),
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}
