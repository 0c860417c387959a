import { MailboxReader, type MailboxReaderServices } from './mailbox-reader.js';
import type { WorkerTask } from './worker.js';

/** How long a node's hold on a mailbox lasts without renewal; another node takes it over after that. */
const LEASE_MS = 90_000;
/** How often leases are renewed and new or removed mailboxes noticed. */
const RENEW_MS = 20_000;

/**
 * The readers of this node: every run claims (or renews) the lease of each mailbox no other node
 * holds, starts a reader for each newly held one and stops those whose mailbox is gone. A lease
 * row, not a leader election: each mailbox has one reader across the nodes, and the mailboxes of a
 * deployment spread over them. A node that dies lets its leases run out; another picks them up.
 */
export class MailboxReaders {
  private readonly readers = new Map<string, MailboxReader>();

  constructor(private readonly owner: string, private readonly services: MailboxReaderServices) {}

  /** The worker task that keeps the leases. */
  task(): WorkerTask {
    return { name: 'mailboxes', everyMs: RENEW_MS, run: () => this.renew() };
  }

  /** Stops every reader and lets their leases go, for another node to take at once. */
  async stop(): Promise<void> {
    const ids = [...this.readers.keys()];
    await Promise.all([...this.readers.values()].map((reader) => reader.stop()));
    this.readers.clear();
    await this.services.store.transaction((tx) => tx.mailboxes.release(this.owner, ids));
  }

  private async renew(): Promise<string | null> {
    const { store, clock } = this.services;
    const now = clock.now();
    const held = await store.transaction((tx) => tx.mailboxes.claim(this.owner, now, now + LEASE_MS));
    const heldIds = new Set(held.map((mailbox) => mailbox.id));
    const gone = [...this.readers.keys()].filter((id) => !heldIds.has(id));
    await Promise.all(gone.map((id) => this.readers.get(id)!.stop()));
    for (const id of gone) this.readers.delete(id);
    const started = held.filter((mailbox) => !this.readers.has(mailbox.id));
    for (const mailbox of started) this.readers.set(mailbox.id, new MailboxReader(mailbox, this.services));
    const lines = [...started.map((m) => `reading ${m.address} (${m.id})`), ...gone.map((id) => `stopped reading ${id}`)];
    return lines.length > 0 ? lines.join('; ') : null;
  }
}

