import type { ExpressionBuilder, Kysely } from 'kysely';
import type { TriageModelRecord, TriageModelRef, TriageRepository } from '../../../domain/store/triage-store.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import type { TrainingTicket } from '../../../domain/triage/training-set.js';
import type { TriageModelKind, TriageModelMetrics, TriageModelSummary } from '../../../domain/triage/triage-model.js';
import { readJson, writeJson } from '../codec.js';
import type { Database } from '../schema.js';
import { bumpConfigVersion } from './config-version.js';

const DONE_STATUSES = ['resolved', 'closed'];

/** Triage models and the resolved tickets they are trained on. */
export class KyselyTriageRepository implements TriageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async trainingTickets(workspaceId: string, limit: number): Promise<TrainingTicket[]> {
    const rows = await this.db
      .selectFrom('tickets')
      .select(['type', 'title', 'description', 'fields', 'queue', 'priority', 'tags', 'resolved_at', 'closed_at', 'updated_at'])
      .where('workspace_id', '=', workspaceId)
      .where('status', 'in', DONE_STATUSES)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => {
      const category = readJson<JsonObject>(row.fields).category;
      return {
        type: row.type,
        title: row.title,
        description: row.description,
        category: typeof category === 'string' && category.trim() ? category.trim() : null,
        queue: row.queue,
        priority: row.priority,
        tags: readJson<string[]>(row.tags),
        finishedAt: row.resolved_at ?? row.closed_at ?? row.updated_at,
      };
    });
  }

  async current(workspaceId: string): Promise<TriageModelRef[]> {
    const rows = await this.db
      .selectFrom('triage_models')
      .select(['kind', 'version', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .where(({ eb }) => eb('version', '=', newestOfKind(eb)))
      .execute();
    return rows.map((row) => ({ kind: row.kind as TriageModelKind, version: row.version, createdAt: Number(row.created_at) }));
  }

  async get(workspaceId: string, kind: TriageModelKind, version: number): Promise<TriageModelRecord | undefined> {
    const row = await this.db
      .selectFrom('triage_models')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && { ...summary(row), model: row.model };
  }

  async list(workspaceId: string): Promise<TriageModelSummary[]> {
    const rows = await this.db
      .selectFrom('triage_models')
      .select(['workspace_id', 'kind', 'version', 'created_at', 'data_size', 'metrics'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('version', 'desc')
      .orderBy('kind')
      .execute();
    return rows.map(summary);
  }

  async latestVersion(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('triage_models')
      .select(({ fn }) => fn.max('version').as('version'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return Number(row?.version ?? 0);
  }

  async insert(record: TriageModelRecord): Promise<void> {
    await this.db.insertInto('triage_models').values({
      workspace_id: record.workspaceId,
      kind: record.kind,
      version: record.version,
      created_at: record.createdAt,
      data_size: record.dataSize,
      metrics: writeJson(record.metrics),
      model: record.model,
    }).execute();
    await bumpConfigVersion(this.db, record.workspaceId);
  }

  async prune(workspaceId: string, keep: number): Promise<number> {
    const oldestKept = await this.db
      .selectFrom('triage_models')
      .select('version')
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .orderBy('version', 'desc')
      .limit(1)
      .offset(keep)
      .executeTakeFirst();
    if (!oldestKept) return 0;
    const result = await this.db
      .deleteFrom('triage_models')
      .where('workspace_id', '=', workspaceId)
      .where('version', '<', oldestKept.version)
      .where(({ eb }) => eb('version', '<>', newestOfKind(eb)))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** The highest version of the row's own kind in its workspace: the model of that kind in use. */
function newestOfKind(eb: ExpressionBuilder<Database, 'triage_models'>) {
  return eb.selectFrom('triage_models as newer')
    .select(({ fn }) => fn.max('newer.version').as('v'))
    .whereRef('newer.workspace_id', '=', 'triage_models.workspace_id')
    .whereRef('newer.kind', '=', 'triage_models.kind');
}

interface SummaryRow {
  workspace_id: string;
  kind: string;
  version: number;
  created_at: number;
  data_size: number;
  metrics: unknown;
}

function summary(row: SummaryRow): TriageModelSummary {
  return {
    workspaceId: row.workspace_id,
    kind: row.kind as TriageModelKind,
    version: row.version,
    createdAt: Number(row.created_at),
    dataSize: row.data_size,
    metrics: readJson<TriageModelMetrics>(row.metrics),
  };
}
