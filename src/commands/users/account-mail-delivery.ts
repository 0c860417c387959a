import { describeAttempt, emailAttemptOutcome } from '../../domain/email/delivery-schedule.js';
import type { AccountMail } from '../../domain/email/account-mail.js';
import type { SendResult } from '../../domain/email/mailer.js';
import type { CommandContext } from '../context.js';
import type { Jitter } from '../webhooks/delivery-commands.js';

/** Writes an account mail's attempt outcome, with the notification mails' retries; returns a line for the worker's log. */
export async function finishAccountMailCommand(ctx: Pick<CommandContext, 'clock' | 'tx'>, mail: AccountMail, result: SendResult, jitter: Jitter): Promise<string> {
  const outcome = emailAttemptOutcome(ctx.clock.now(), mail.attempts, result, jitter);
  return describeAttempt(mail.id, mail.attempts, outcome, await ctx.tx.accountMails.finishAttempt(mail, outcome));
}
