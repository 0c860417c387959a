import { describeAttempt, emailAttemptOutcome } from '../../domain/email/delivery-schedule.js';
import type { EmailMessage } from '../../domain/email/email-message.js';
import type { SendResult } from '../../domain/email/mailer.js';
import { fail } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import type { Jitter } from '../webhooks/delivery-commands.js';

/** Writes an attempt's outcome (see `emailAttemptOutcome`); returns a line for the worker's log. */
export async function finishEmailCommand(ctx: Pick<CommandContext, 'clock' | 'tx'>, message: EmailMessage, result: SendResult, jitter: Jitter): Promise<string> {
  const outcome = emailAttemptOutcome(ctx.clock.now(), message.attempts, result, jitter);
  return describeAttempt(message.id, message.attempts, outcome, await ctx.tx.emails.finishAttempt(message, outcome));
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
