import type { AccountMail } from '../email/account-mail.js';
import type { EmailOutcome } from './email-store.js';

/** The outbox of invitation and password-reset mails, claimed and finished as notification mails are. */
export interface AccountMailRepository {
  insert(mail: AccountMail): Promise<void>;
  /** Claims up to `limit` pending mails due at `now` across workspaces. */
  claimDue(now: number, leaseUntil: number, limit: number): Promise<AccountMail[]>;
  /** Writes an attempt's outcome unless a newer claim took the mail meanwhile; false then. */
  finishAttempt(mail: AccountMail, outcome: EmailOutcome): Promise<boolean>;
}
