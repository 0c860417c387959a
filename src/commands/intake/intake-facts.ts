import type { WorkspaceVersions } from '../../domain/store/routing-store.js';
import type { StoreTx } from '../../domain/store/store.js';
import { DONE_STATUSES, TICKET_STATUSES } from '../../domain/ticket/status.js';
import { normalizeCustomer, type TicketDraft } from '../../domain/ticket/ticket.js';
import type { TextReader } from '../../domain/triage/text-reader.js';
import type { TextReading } from '../../domain/triage/text-reading.js';
import { ticketText } from '../../domain/triage/training-set.js';
import { STICKY_WINDOW_MS } from '../routing/route-ticket.js';
import type { WorkspaceConfig, WorkspaceConfigs } from './workspace-config.js';

const OPEN_STATUSES = TICKET_STATUSES.filter((status) => !DONE_STATUSES.has(status));

/** What intake knows before its transaction: the workspace's set-up, what the text said, the customer's last agent. */
export interface IntakeFacts {
  versions: WorkspaceVersions;
  config: WorkspaceConfig;
  reading: TextReading;
  /** The agent who last held a ticket of this customer (sticky routing), or null. */
  customerAgent: string | null;
}

/** Where intake gathers its facts: reads outside the write transaction, cached set-up, a text reader. */
export interface IntakeSources {
  configs: WorkspaceConfigs;
  reader: TextReader;
}

/**
 * Gathers what intake needs that no lock protects, before the write transaction: the set-up
 * (from memory unless its version moved), the customer's recent open tickets and last agent, and
 * the reading of the text (on the reader's threads). `tx` is a read-only view of the store. The
 * customer's last agent is looked up while the text is read: on a server database they are two
 * connections' work at once.
 */
export async function gatherIntakeFacts(sources: IntakeSources, tx: StoreTx, workspaceId: string, draft: TicketDraft, now: number): Promise<IntakeFacts> {
  const versions = await tx.policies.versions(workspaceId);
  const config = await sources.configs.get(tx, workspaceId, versions.configVersion);
  const customer = normalizeCustomer(draft.customer);
  const key = customer?.id ?? customer?.email ?? undefined;
  const [reading, customerAgent] = await Promise.all([
    readDraft(sources, tx, workspaceId, draft, config, key),
    versions.policyVersion > 0 && customer && key !== undefined
      ? tx.workload.lastAgentForCustomer(workspaceId, customer, now - STICKY_WINDOW_MS, '') : null,
  ]);
  return { versions, config, reading, customerAgent };
}

/** What the draft's text says: language, sentiment, prediction, and its likely duplicates among open tickets. */
async function readDraft(
  sources: IntakeSources, tx: StoreTx, workspaceId: string, draft: TicketDraft, config: WorkspaceConfig, customerKey: string | undefined,
): Promise<TextReading> {
  const duplicates = config.duplicates;
  const compare = duplicates.enabled && duplicates.maxLinks > 0 && (duplicates.scope === 'workspace' || customerKey !== undefined);
  const candidates = compare ? await tx.tickets.texts({
    workspaceId, statuses: OPEN_STATUSES, customer: duplicates.scope === 'customer' ? customerKey : undefined, limit: duplicates.candidates,
  }) : [];
  return sources.reader.read({
    text: ticketText(draft.title, draft.description ?? ''),
    signals: config.signals,
    models: config.models,
    duplicates: compare
      ? { candidates: candidates.map((c) => ({ id: c.id, text: ticketText(c.title, c.description) })), threshold: duplicates.threshold, limit: duplicates.maxLinks }
      : null,
  });
}
