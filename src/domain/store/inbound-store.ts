import type { InboundMessageRecord } from '../inbound/inbound-email.js';

/** The Message-IDs of mail intake has taken in, and the ticket each belongs to. */
export interface InboundEmailRepository {
  /** The records of those of `messageIds` the workspace has seen, in no particular order. */
  find(workspaceId: string, messageIds: readonly string[]): Promise<InboundMessageRecord[]>;
  /** Fails with a unique violation when the workspace has seen the Message-ID already. */
  insert(record: InboundMessageRecord): Promise<void>;
}
