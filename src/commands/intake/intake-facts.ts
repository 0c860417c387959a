import type { WorkspaceVersions } from '../../domain/store/routing-store.js';
import { CUSTOMER_HISTORY, previousAgent } from '../../domain/routing/previous-agent.js';
import type { StoreTx } from '../../domain/store/store.js';
import { OPEN_STATUSES } from '../../domain/ticket/status.js';
import { normalizeCustomer, type TicketDraft } from '../../domain/ticket/ticket.js';
import type { TextReader } from '../../domain/triage/text-reader.js';
import type { TextReading } from '../../domain/triage/text-reading.js';
import { openCandidates } from '../../domain/triage/duplicates/open-candidates.js';
import { ticketText } from '../../domain/triage/training-set.js';
import type { WorkspaceConfig, WorkspaceConfigs } from './workspace-config.js';

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
 * (from memory unless its version moved), the customer's earlier tickets (one read gives both the
 * duplicate candidates and the last agent) and the reading of the text (on the reader's threads).
 * `tx` is a read-only view of the store.
 */
export async function gatherIntakeFacts(sources: IntakeSources, tx: StoreTx, workspaceId: string, draft: TicketDraft, now: number): Promise<IntakeFacts> {
  const versions = await tx.policies.versions(workspaceId);
  const config = await sources.configs.get(tx, workspaceId, versions.configVersion);
  const customer = normalizeCustomer(draft.customer);
  const duplicates = config.duplicates;
  const compare = duplicates.enabled && duplicates.maxLinks > 0;
  const sticky = versions.policyVersion > 0;
  const known = customer && (customer.id !== null || customer.email !== null) ? customer : null;
  // The customer's newest tickets, open or not: as many as sticky routing looks at, and twice the
  // duplicate candidates at least, which leaves room for finished ones.
  const history = known && (sticky || (compare && duplicates.scope === 'customer'))
    ? await tx.tickets.ofCustomer(workspaceId, known, Math.max(CUSTOMER_HISTORY, 2 * duplicates.candidates)) : [];
  const candidates = !compare ? null
    : duplicates.scope === 'customer' ? openCandidates(history, duplicates.candidates)
      : await tx.tickets.texts({ workspaceId, statuses: OPEN_STATUSES, limit: duplicates.candidates });
  const reading = await sources.reader.read({
    text: ticketText(draft.title, draft.description ?? ''),
    signals: config.signals,
    models: config.models,
    duplicates: candidates
      ? { candidates: candidates.map((c) => ({ id: c.id, text: ticketText(c.title, c.description) })), threshold: duplicates.threshold, limit: duplicates.maxLinks }
      : null,
  });
  return { versions, config, reading, customerAgent: sticky ? previousAgent(history, now) : null };
}
