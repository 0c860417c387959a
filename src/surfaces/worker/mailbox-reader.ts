import type { ImapFlow } from 'imapflow';
import { checkMailboxHost, imapClient, imapErrorText, MAX_MESSAGE_BYTES } from '../../adapters/email/imap-connection.js';
import { parseRawEmail } from '../../adapters/email/parse-email.js';
import type { MailSettings } from '../../commands/email/mail-settings.js';
import { takeInEmail } from '../../commands/inbound/take-in-email.js';
import type { RoutingRuntime } from '../../commands/routing/routing-runtime.js';
import type { CustomerDirectory } from '../../domain/crm/customer-directory.js';
import { DomainError } from '../../domain/errors.js';
import { firstUnreadUid, reconnectDelayMs, type Mailbox } from '../../domain/inbound/mailbox.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store, StoreTx } from '../../domain/store/store.js';
import { systemContext } from '../runtime.js';
import type { WorkerLogger } from './worker.js';

/** What a reader needs from the process. */
export interface MailboxReaderServices {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  routing: RoutingRuntime;
  mail?: MailSettings;
  crm: CustomerDirectory | null;
  /** Whether mailboxes may be on loopback, private and link-local hosts (SWITCHBOARD_MAILBOX_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** How often the folder is read again when IDLE reported nothing (a server may drop IDLE silently). */
  recheckMs: number;
  log: WorkerLogger;
}

/**
 * Reads one mailbox for as long as this node holds its lease: connects, reads what is new, then
 * waits in IDLE for the server's EXISTS (or the periodic re-check) and reads again; reconnects
 * with a doubling pause after a failure, and writes every outcome into the mailbox's status.
 */
export class MailboxReader {
  private stopped = false;
  private client: ImapFlow | null = null;
  private wake: () => void = () => {};
  /** Set when woken outside a pause, so news that came during a read is not slept through. */
  private woken = false;
  private readonly done: Promise<void>;

  constructor(private readonly mailbox: Mailbox, private readonly services: MailboxReaderServices) {
    this.done = this.run();
  }

  /** Closes the connection and resolves once the reader has let go of the mailbox. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.nudge();
    // Closed, not logged out: a connection still being made or a command in flight ends at once,
    // and whatever was taken in but not yet flagged or moved is finished by the next reader.
    this.client?.close();
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.session();
        failures = 0;
      } catch (error) {
        // A connection closed by `stop` is no failure of the mailbox.
        if (this.stopped) break;
        failures += 1;
        await this.fail(error);
      }
      // Even after a clean end (the server closed), wait a little: a server that closes at once must not spin us.
      if (!this.stopped) await this.pause(reconnectDelayMs(Math.max(1, failures)));
    }
  }

  /** One connection: read, then wait for news, until the server closes it or the reader stops. */
  private async session(): Promise<void> {
    const { mailbox, services } = this;
    const client = imapClient(mailbox, await checkMailboxHost(mailbox, services.allowPrivate));
    this.client = client;
    let closed = false;
    client.on('error', () => {});
    client.on('close', () => { closed = true; this.nudge(); });
    client.on('exists', () => this.nudge());
    try {
      await client.connect();
      if (mailbox.afterImport === 'move' && mailbox.moveTo) await client.mailboxCreate(mailbox.moveTo).catch(() => {});
      await client.mailboxOpen(mailbox.folder);
      while (!this.stopped && !closed) {
        await this.readNew(client);
        await this.pause(services.recheckMs);
      }
    } finally {
      this.client = null;
      if (client.usable) await client.logout().catch(() => {});
    }
  }

  /** Takes in every message past the mark, in UID order, each kept or moved before the mark moves past it. */
  private async readNew(client: ImapFlow): Promise<void> {
    const { store, clock } = this.services;
    const uidValidity = Number(client.mailbox === false ? 0 : client.mailbox.uidValidity);
    const progress = await store.read((tx) => tx.mailboxes.get(this.mailbox.workspaceId, this.mailbox.id));
    if (!progress) return;
    const first = firstUnreadUid(progress, uidValidity);
    const listed = await client.fetchAll(`${first}:*`, { uid: true, size: true }, { uid: true });
    const problems: string[] = [];
    for (const { uid, size } of listed.filter((message) => message.uid >= first).sort((a, b) => a.uid - b.uid)) {
      if (this.stopped) return;
      const problem = await this.takeIn(client, uidValidity, uid, size ?? 0);
      if (problem) problems.push(problem);
      await this.afterImport(client, uid);
      await store.transaction((tx) => tx.mailboxes.advance(this.mailbox.id, uidValidity, uid));
    }
    const now = clock.now();
    const lastError = problems.length > 0 ? problems.join('; ') : null;
    await store.transaction((tx) => tx.mailboxes.recordStatus(this.mailbox.id, { lastSuccessAt: now, lastError, lastErrorAt: lastError ? now : null }));
  }

  /** Takes one message in unless it was already; a message that cannot be read is recorded as taken, and named. */
  private async takeIn(client: ImapFlow, uidValidity: number, uid: number, size: number): Promise<string | null> {
    const { store, clock } = this.services;
    const mailboxId = this.mailbox.id;
    if (await store.read((tx) => tx.mailboxes.isTaken(mailboxId, uidValidity, uid))) return null;
    const record = (tx: StoreTx, messageId: string | null, ticketId: string | null) =>
      tx.mailboxes.recordTaken({ mailboxId, uidValidity, uid, messageId, ticketId, at: clock.now() });
    if (size > MAX_MESSAGE_BYTES) {
      await store.transaction((tx) => record(tx, null, null));
      return `message UID ${uid} skipped: ${size} bytes is over the limit of ${MAX_MESSAGE_BYTES}`;
    }
    const fetched = await client.fetchOne(String(uid), { source: true }, { uid: true });
    try {
      const email = await parseRawEmail(fetched ? fetched.source ?? Buffer.alloc(0) : Buffer.alloc(0));
      await takeInEmail(this.intake(), email, (tx, result) => record(tx, email.messageId, result.ticketId));
      return null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await store.transaction((tx) => record(tx, null, null));
      return `message UID ${uid} not taken in: ${error.message}`;
    }
  }

  private async afterImport(client: ImapFlow, uid: number): Promise<void> {
    const { afterImport, moveTo } = this.mailbox;
    if (afterImport === 'move' && moveTo) await client.messageMove(String(uid), moveTo, { uid: true });
    else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  }

  private intake() {
    const { store, ids, clock, routing, mail, crm } = this.services;
    const { workspaceId } = this.mailbox;
    return { store, workspaceId, crm, context: (tx: StoreTx) => ({ ...systemContext(tx, workspaceId, ids, clock), routing, mail }) };
  }

  private async fail(error: unknown): Promise<void> {
    const text = imapErrorText(error);
    this.services.log.error(error, `mailbox ${this.mailbox.id} (${this.mailbox.address}) failed`);
    await this.services.store.transaction((tx) =>
      tx.mailboxes.recordStatus(this.mailbox.id, { lastError: text, lastErrorAt: this.services.clock.now() })).catch(() => {});
  }

  /** Waits `ms`, or less when nudged (new mail, a closed connection, a stop), also by a nudge that came before. */
  private pause(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.woken = false;
        this.wake = () => {};
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }

  private nudge(): void {
    this.woken = true;
    this.wake();
  }
}
