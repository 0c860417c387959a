import type { JsonObject, JsonValue } from '../../domain/shared/json.js';
import type { StoreTx } from '../../domain/store/store.js';
import type { TicketType } from '../../domain/ticket/ticket-type.js';
import { duplicateSettingsOf, type DuplicateSettings } from '../../domain/triage/duplicates/duplicate-settings.js';
import type { ModelSource } from '../../domain/triage/text-reader.js';
import type { WebhookEndpoint } from '../../domain/webhook/webhook.js';
import { catalogOf, type SlaCatalog } from '../sla/sla-catalog.js';

/** What intake reads of a workspace's set-up, kept in memory between requests. */
export interface WorkspaceConfig {
  /** The workspace's config version it was read at (see WorkspaceVersions). */
  version: number;
  /** `settings.signals` (the keyword flags), or null for the defaults. */
  signals: JsonObject | null;
  duplicates: DuplicateSettings;
  types: ReadonlyMap<string, TicketType>;
  /** Null when the workspace has no SLA policy. */
  sla: SlaCatalog | null;
  models: ModelSource[];
  webhooks: WebhookEndpoint[];
}

/** Workspaces whose set-up is kept; a busy node serves few. */
const KEPT = 64;

/**
 * Each workspace's set-up as intake reads it, read once per config version: every change to
 * settings, ticket types, SLA policies, business hours, webhook endpoints or triage models bumps
 * the version in the same transaction, so a change made through any node is seen at the next request.
 */
export class WorkspaceConfigs {
  private readonly kept = new Map<string, WorkspaceConfig>();

  async get(tx: StoreTx, workspaceId: string, version: number): Promise<WorkspaceConfig> {
    const kept = this.kept.get(workspaceId);
    if (kept && kept.version === version) return kept;
    const config = await readConfig(tx, workspaceId, version);
    if (this.kept.size >= KEPT && !kept) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(workspaceId, config);
    return config;
  }
}

async function readConfig(tx: StoreTx, workspaceId: string, version: number): Promise<WorkspaceConfig> {
  const settings = (await tx.workspaces.get(workspaceId))?.settings ?? {};
  const policies = await tx.slaPolicies.list(workspaceId);
  const models: ModelSource[] = [];
  for (const ref of await tx.triage.current(workspaceId)) {
    const record = await tx.triage.get(workspaceId, ref.kind, ref.version);
    if (record) models.push({ kind: ref.kind, key: `${workspaceId}/${ref.kind}/${ref.version}/${ref.createdAt}`, version: ref.version, document: () => record.model });
  }
  return {
    version,
    signals: objectOrNull(settings.signals),
    duplicates: duplicateSettingsOf(settings),
    types: new Map((await tx.ticketTypes.list(workspaceId)).map((type) => [type.name, type])),
    sla: policies.length === 0 ? null : catalogOf(policies, await tx.businessHours.list(workspaceId)),
    models,
    webhooks: await tx.webhooks.activeEndpoints(workspaceId),
  };
}

function objectOrNull(value: JsonValue | undefined): JsonObject | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
}
