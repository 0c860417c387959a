import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CapacityClass } from '../../../domain/routing/capacity.js';
import type { Offer, OfferStatus } from '../../../domain/routing/offer.js';
import type { PerformanceRecord } from '../../../domain/routing/performance.js';
import type { PolicyDocument } from '../../../domain/routing/policy.js';
import type { Timer } from '../../../domain/scheduling/timer.js';
import type {
  OfferRepository, PerformanceRepository, PolicyRepository, PolicyVersion, RoutingDecisionRecord,
  RoutingDecisionRepository, WorkspaceVersions, TimerRepository,
} from '../../../domain/store/routing-store.js';
import type { StoreCapabilities } from '../../../domain/store/store.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import { readJson, writeJson } from '../codec.js';
import { insertShaped, runShaped } from '../compiled-shapes.js';
import type { Database, OfferTable, RoutingDecisionTable, TimerTable } from '../schema.js';

/**
 * Versions of the routing policy; the workspace row holds the current number. Given a change
 * stamp (a number that moves whenever anything was committed since it was last read), the
 * workspace's version counters are read again only once it moved: intake reads them for every
 * ticket, and they change with a policy, an agent or the set-up, not with tickets.
 */
export class KyselyPolicyRepository implements PolicyRepository {
  private readonly known = new Map<string, { stamp: number; versions: WorkspaceVersions }>();

  constructor(private readonly db: Kysely<Database>, private readonly changeStamp: (() => number) | null = null) {}

  async current(workspaceId: string): Promise<PolicyVersion | undefined> {
    const { policyVersion } = await this.versions(workspaceId);
    return policyVersion === 0 ? undefined : this.get(workspaceId, policyVersion);
  }

  async get(workspaceId: string, version: number): Promise<PolicyVersion | undefined> {
    const row = await this.db.selectFrom('routing_policies').selectAll().where('workspace_id', '=', workspaceId).where('version', '=', version).executeTakeFirst();
    return row && {
      workspaceId: row.workspace_id, version: row.version, document: readJson<PolicyDocument>(row.document),
      createdAt: row.created_at, createdBy: row.created_by, restoredFrom: row.restored_from,
    };
  }

  async list(workspaceId: string): Promise<PolicyVersion[]> {
    const rows = await this.db.selectFrom('routing_policies').select('version').where('workspace_id', '=', workspaceId).orderBy('version', 'desc').execute();
    const versions = await Promise.all(rows.map((row) => this.get(workspaceId, row.version)));
    return versions.filter((v): v is PolicyVersion => v !== undefined);
  }

  async insert(version: PolicyVersion): Promise<void> {
    await this.db.insertInto('routing_policies').values({
      workspace_id: version.workspaceId, version: version.version, document: writeJson(version.document),
      created_at: version.createdAt, created_by: version.createdBy, restored_from: version.restoredFrom,
    }).execute();
    await this.db.updateTable('workspaces').set({ policy_version: version.version }).where('id', '=', version.workspaceId).execute();
  }

  async versions(workspaceId: string): Promise<WorkspaceVersions> {
    // Taken before the read: a commit in between moves it, so what is read then is read again next time.
    const stamp = this.changeStamp?.();
    const known = this.known.get(workspaceId);
    if (stamp !== undefined && known?.stamp === stamp) return known.versions;
    const { rows: [row] } = await runShaped(this.db, 'workspace versions', [workspaceId], ([id]) => this.db.selectFrom('workspaces')
      .select(['policy_version', 'agents_version', 'workflow_version', 'config_version']).where('id', '=', id as string));
    const versions = {
      policyVersion: row?.policy_version ?? 0, agentsVersion: row?.agents_version ?? 0,
      workflowVersion: row?.workflow_version ?? 0, configVersion: row?.config_version ?? 0,
    };
    if (stamp !== undefined && row) this.known.set(workspaceId, { stamp, versions });
    return versions;
  }

  async bumpAgentsVersion(workspaceId: string): Promise<number> {
    const row = await this.db
      .updateTable('workspaces')
      .set((eb) => ({ agents_version: eb('agents_version', '+', 1) }))
      .where('id', '=', workspaceId)
      .returning('agents_version')
      .executeTakeFirst();
    return row?.agents_version ?? 0;
  }
}

/** Offers of tickets to agents. */
export class KyselyOfferRepository implements OfferRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(workspaceId: string, id: string): Promise<Offer | undefined> {
    const row = await this.db.selectFrom('offers').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row && toOffer(row);
  }

  async insert(offer: Offer): Promise<void> {
    await insertShaped(this.db, 'offers', [offerRow(offer)]);
  }

  async answer(workspaceId: string, id: string, status: OfferStatus, at: number): Promise<boolean> {
    const result = await this.db.updateTable('offers').set({ status, answered_at: at })
      .where('id', '=', id).where('workspace_id', '=', workspaceId).where('status', '=', 'pending').executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async pendingForAgent(workspaceId: string, agentId: string): Promise<Offer[]> {
    const rows = await this.db.selectFrom('offers').selectAll()
      .where('workspace_id', '=', workspaceId).where('agent_id', '=', agentId).where('status', '=', 'pending').orderBy('id').execute();
    return rows.map(toOffer);
  }
}

export function offerRow(offer: Offer): Insertable<OfferTable> {
  return {
    id: offer.id, workspace_id: offer.workspaceId, ticket_id: offer.ticketId, agent_id: offer.agentId, status: offer.status,
    capacity_class: offer.capacityClass, load_units: offer.loadUnits, created_at: offer.createdAt, expires_at: offer.expiresAt, answered_at: offer.answeredAt,
  };
}

function toOffer(row: Selectable<OfferTable>): Offer {
  return {
    id: row.id, workspaceId: row.workspace_id, ticketId: row.ticket_id, agentId: row.agent_id, status: row.status as OfferStatus,
    capacityClass: row.capacity_class as CapacityClass, loadUnits: row.load_units, createdAt: row.created_at, expiresAt: row.expires_at, answeredAt: row.answered_at,
  };
}

/** Durable timers; on backends with row locks a claimed timer is skipped by other nodes. */
export class KyselyTimerRepository implements TimerRepository {
  constructor(private readonly db: Kysely<Database>, private readonly capabilities: StoreCapabilities) {}

  async insert(...timers: Timer[]): Promise<void> {
    if (timers.length === 0) return;
    await insertShaped(this.db, 'timers', timers.map(timerRow));
  }

  async due(now: number, limit: number): Promise<Timer[]> {
    const rows = await this.db.selectFrom('timers').selectAll().where('fired_at', 'is', null).where('due_at', '<=', now).orderBy('due_at').limit(limit).execute();
    return rows.map(toTimer);
  }

  async claim(id: string): Promise<Timer | undefined> {
    let q = this.db.selectFrom('timers').selectAll().where('id', '=', id).where('fired_at', 'is', null);
    if (this.capabilities.supportsSkipLocked) q = q.forUpdate().skipLocked();
    const row = await q.executeTakeFirst();
    return row && toTimer(row);
  }

  async markFired(id: string, at: number): Promise<void> {
    await this.db.updateTable('timers').set({ fired_at: at }).where('id', '=', id).execute();
  }
}

export function timerRow(timer: Timer): Insertable<TimerTable> {
  return { id: timer.id, workspace_id: timer.workspaceId, kind: timer.kind, ticket_id: timer.ticketId, ref: timer.ref, due_at: timer.dueAt, fired_at: timer.firedAt };
}

function toTimer(row: Selectable<TimerTable>): Timer {
  return { id: row.id, workspaceId: row.workspace_id, kind: row.kind, ticketId: row.ticket_id, ref: row.ref, dueAt: row.due_at, firedAt: row.fired_at };
}

/** The explanations of routing decisions. */
export class KyselyDecisionRepository implements RoutingDecisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(record: RoutingDecisionRecord): Promise<void> {
    await insertShaped(this.db, 'routing_decisions', [decisionRow(record)]);
  }

  async listForTicket(workspaceId: string, ticketId: string, limit: number): Promise<RoutingDecisionRecord[]> {
    const rows = await this.db.selectFrom('routing_decisions').selectAll()
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).orderBy('id', 'desc').limit(limit).execute();
    return rows.map((row) => ({
      id: row.id, workspaceId: row.workspace_id, ticketId: row.ticket_id, at: row.at,
      outcome: row.outcome as RoutingDecisionRecord['outcome'], agentId: row.agent_id, trace: readJson<JsonObject>(row.trace),
    }));
  }
}

export function decisionRow(record: RoutingDecisionRecord): Insertable<RoutingDecisionTable> {
  return {
    id: record.id, workspace_id: record.workspaceId, ticket_id: record.ticketId, at: record.at, outcome: record.outcome, agent_id: record.agentId, trace: writeJson(record.trace),
  };
}

/** Outcome statistics per agent and category, summed as tickets resolve. */
export class KyselyPerformanceRepository implements PerformanceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async all(workspaceId: string): Promise<PerformanceRecord[]> {
    const rows = await this.db.selectFrom('agent_performance').selectAll().where('workspace_id', '=', workspaceId).execute();
    return rows.map((row) => ({ agentId: row.agent_id, category: row.category, count: row.count, scoreSum: Number(row.score_sum) }));
  }

  async add(workspaceId: string, record: PerformanceRecord): Promise<void> {
    await this.db.insertInto('agent_performance')
      .values({ workspace_id: workspaceId, agent_id: record.agentId, category: record.category, count: record.count, score_sum: record.scoreSum })
      .onConflict((oc) => oc.columns(['workspace_id', 'agent_id', 'category']).doUpdateSet((eb) => ({
        count: eb('agent_performance.count', '+', eb.ref('excluded.count')),
        score_sum: eb('agent_performance.score_sum', '+', eb.ref('excluded.score_sum')),
      })))
      .execute();
  }
}
