import { finishEmailCommand } from '../../commands/email/email-delivery-commands.js';
import { queueStillWorkingCommand } from '../../commands/email/enqueue-emails.js';
import type { MailSettings } from '../../commands/email/mail-settings.js';
import type { Jitter } from '../../commands/webhooks/delivery-commands.js';
import { updateIntervalMs } from '../../domain/email/email-settings.js';
import type { EmailMessage } from '../../domain/email/email-message.js';
import type { Mailer, OutgoingMail, SendResult } from '../../domain/email/mailer.js';
import type { AccountMail } from '../../domain/email/account-mail.js';
import { finishAccountMailCommand } from '../../commands/users/account-mail-delivery.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store, StoreTx } from '../../domain/store/store.js';
import type { WorkerTask } from './worker.js';
import { systemContext } from '../runtime.js';

/** Mails claimed per run; they are handed to the pooled transport at the same time. */
const BATCH = 20;
/** How long a claim holds: longer than any SMTP conversation, so a node that dies mid-send frees its claims after it. */
const LEASE_MS = 2 * 60_000;
/** Tickets looked at per workspace per run of the periodic-update check. */
const QUIET_BATCH = 100;

/** One outbox the worker drains: how its due mails are claimed and how an attempt is written back. */
interface Outbox<M extends OutgoingMail & { id: string }> {
  name: string;
  claim(tx: StoreTx, now: number, leaseUntil: number, limit: number): Promise<M[]>;
  finish(tx: StoreTx, clock: Clock, mail: M, result: SendResult, jitter: Jitter): Promise<string>;
}

const NOTIFICATIONS: Outbox<EmailMessage> = {
  name: 'email',
  claim: (tx, now, leaseUntil, limit) => tx.emails.claimDue(now, leaseUntil, limit),
  finish: (tx, clock, mail, result, jitter) => finishEmailCommand({ clock, tx }, mail, result, jitter),
};

const ACCOUNT_MAILS: Outbox<AccountMail> = {
  name: 'account-mail',
  claim: (tx, now, leaseUntil, limit) => tx.accountMails.claimDue(now, leaseUntil, limit),
  finish: (tx, clock, mail, result, jitter) => finishAccountMailCommand({ clock, tx }, mail, result, jitter),
};

/**
 * Sends due mails from the outbox of notifications: each is claimed in a short transaction
 * (skipping rows other nodes hold), sent outside any transaction, and its outcome written in another.
 */
export function emailSweep(store: Store, clock: Clock, mailer: Mailer, jitter: Jitter = Math.random): WorkerTask {
  return outboxSweep(NOTIFICATIONS, store, clock, mailer, jitter);
}

/** Sends due invitation and password-reset mails, as `emailSweep` sends notifications. */
export function accountMailSweep(store: Store, clock: Clock, mailer: Mailer, jitter: Jitter = Math.random): WorkerTask {
  return outboxSweep(ACCOUNT_MAILS, store, clock, mailer, jitter);
}

function outboxSweep<M extends OutgoingMail & { id: string }>(outbox: Outbox<M>, store: Store, clock: Clock, mailer: Mailer, jitter: Jitter): WorkerTask {
  return {
    name: outbox.name,
    everyMs: 1000,
    async run() {
      const now = clock.now();
      const claimed = await store.transaction((tx) => outbox.claim(tx, now, now + LEASE_MS, BATCH));
      // One mail that fails to be written back (and is sent again after its lease) must not hold up the others.
      const lines = await Promise.all(claimed.map(async (mail) => {
        const result = await mailer.send(mail);
        return store.transaction((tx) => outbox.finish(tx, clock, mail, result, jitter));
      }).map((sent, i) => sent.catch((error: unknown) => `${claimed[i]!.id} failed: ${(error as Error).message}`)));
      return lines.length > 0 ? lines.join('; ') : null;
    },
  };
}

/**
 * The periodic update: each open ticket whose requester has heard nothing for the workspace's
 * interval gets a "still working on it" mail, each in its own transaction.
 */
export function stillWorkingSweep(store: Store, clock: Clock, ids: IdGenerator, mail: MailSettings): WorkerTask {
  return {
    name: 'email-updates',
    everyMs: 5 * 60_000,
    async run() {
      const now = clock.now();
      const lines: string[] = [];
      for (const workspace of await store.read((tx) => tx.workspaces.list())) {
        const interval = updateIntervalMs(await store.read((tx) => tx.emails.getSettings(workspace.id)));
        if (interval === 0) continue;
        const quiet = await store.read((tx) => tx.emails.quietTickets(workspace.id, now - interval, QUIET_BATCH));
        for (const { ticketId, lastMailAt } of quiet) {
          const queued = await store.transaction((tx) =>
            queueStillWorkingCommand({ ...systemContext(tx, workspace.id, ids, clock), mail }, mail, ticketId, lastMailAt))
            // Another node queued it first (same dedupe key): nothing to add.
            .catch((error: unknown) => { if (store.isUniqueViolation(error)) return false; throw error; });
          if (queued) lines.push(`${ticketId}: still-working mail queued`);
        }
      }
      return lines.length > 0 ? lines.join('; ') : null;
    },
  };
}
