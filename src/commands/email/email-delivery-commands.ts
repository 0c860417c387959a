import { EMAIL_RETRY_SCHEDULE_MS, isPermanentSmtpFailure } from '../../domain/email/delivery-schedule.js';
import type { EmailMessage } from '../../domain/email/email-message.js';
import type { SendResult } from '../../domain/email/mailer.js';
import { fail } from '../../domain/errors.js';
import type { EmailOutcome } from '../../domain/store/email-store.js';
import { nextAttemptAt } from '../../domain/webhook/retry-schedule.js';
import type { CommandContext } from '../context.js';
import type { Jitter } from '../webhooks/delivery-commands.js';

/**
 * Writes an attempt's outcome: sent; or, when the server turned the mail away, failed at once for a
 * permanent (5xx) refusal and otherwise retried on the schedule, failed after its last attempt.
 * Returns a line for the worker's log.
 */
export async function finishEmailCommand(ctx: Pick<CommandContext, 'clock' | 'tx'>, message: EmailMessage, result: SendResult, jitter: Jitter): Promise<string> {
  const now = ctx.clock.now();
  let outcome: EmailOutcome;
  if (result.ok) {
    outcome = { status: 'sent', nextAttemptAt: null, lastError: null, sentAt: now };
  } else {
    const retryAt = isPermanentSmtpFailure(result.responseCode) ? null : nextAttemptAt(now, message.attempts, jitter(), EMAIL_RETRY_SCHEDULE_MS);
    outcome = { status: retryAt === null ? 'failed' : 'pending', nextAttemptAt: retryAt, lastError: result.error.slice(0, 1000), sentAt: null };
  }
  if (!(await ctx.tx.emails.finishAttempt(message, outcome))) return `${message.id}: attempt ${message.attempts} written after the mail moved on`;
  return `${message.id}: attempt ${message.attempts} ${outcome.status}${outcome.lastError ? ` (${outcome.lastError})` : ''}`;
}

/** The mail, or `email_message_not_found` (also for ids of other workspaces). */
export async function loadEmailMessage(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<EmailMessage> {
  const message = await ctx.tx.emails.getMessage(ctx.workspaceId, id);
  if (!message) throw fail('email_message_not_found', `No e-mail ${id}.`);
  return message;
}

/**
 * Sends a mail again with a fresh schedule, whatever became of it; a requester who has opted out
 * since is not written to (`email_opted_out`).
 */
export async function retryEmailCommand(ctx: CommandContext, id: string): Promise<EmailMessage> {
  const message = await loadEmailMessage(ctx, id);
  if (message.recipientKind === 'requester' && (await ctx.tx.emails.isOptedOut(ctx.workspaceId, message.recipient))) {
    throw fail('email_opted_out', `${message.recipient} has opted out of this workspace's mail.`);
  }
  await ctx.tx.emails.requeue(ctx.workspaceId, id, ctx.clock.now());
  return loadEmailMessage(ctx, id);
}
