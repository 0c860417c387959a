import type { OperationsState, WorkspaceCount } from '../../domain/store/metrics-store.js';
import type { StoreTx } from '../../domain/store/store.js';
import type { Workspace } from '../../domain/workspace/workspace.js';

/** The operational state of some workspaces at one moment, with the workspaces it covers. */
export interface OperationsSnapshot {
  at: number;
  workspaces: Workspace[];
  state: OperationsState;
  /** Webhook deliveries waiting in the outbox, per workspace. */
  webhookBacklog: WorkspaceCount[];
  /** Mails waiting in the outbox, per workspace. */
  emailBacklog: WorkspaceCount[];
}

/** Reads the state now of one workspace, or of every workspace when `workspaceId` is null. */
export async function operationsSnapshotQuery(tx: StoreTx, workspaceId: string | null, now: number): Promise<OperationsSnapshot> {
  const workspaces = workspaceId === null ? await tx.workspaces.list() : [await tx.workspaces.get(workspaceId)].filter((w): w is Workspace => w !== undefined);
  const ids = workspaceId === null ? null : workspaces.map((w) => w.id);
  return {
    at: now, workspaces, state: await tx.metrics.operations(ids), webhookBacklog: await tx.webhooks.backlog(ids), emailBacklog: await tx.emails.backlog(ids),
  };
}
