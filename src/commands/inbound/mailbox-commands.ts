import { fail } from '../../domain/errors.js';
import { mailboxProblem, type Mailbox, type MailboxInput } from '../../domain/inbound/mailbox.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** The mailbox, or `mailbox_not_found`. */
export async function loadMailbox(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<Mailbox> {
  const mailbox = await ctx.tx.mailboxes.get(ctx.workspaceId, id);
  if (!mailbox) throw fail('mailbox_not_found', `No mailbox ${id}.`);
  return mailbox;
}

/** What the history shows of a mailbox: never its password. */
function described(mailbox: Mailbox): JsonObject {
  return {
    address: mailbox.address, host: mailbox.host, port: mailbox.port, tls: mailbox.tls, username: mailbox.username,
    folder: mailbox.folder, after_import: mailbox.afterImport, move_to: mailbox.moveTo,
  };
}

/** Saves a mailbox to read; its host was checked (resolved, public or allowed, TLS) by the caller. */
export async function addMailboxCommand(ctx: CommandContext, input: MailboxInput): Promise<Mailbox> {
  const problem = mailboxProblem(input);
  if (problem) throw fail('invalid_mailbox', problem.message, problem);
  const now = ctx.clock.now();
  const mailbox: Mailbox = {
    ...input, id: ctx.ids.next('mbx'), workspaceId: ctx.workspaceId, uidValidity: null, lastUid: 0,
    lastSuccessAt: null, lastError: null, lastErrorAt: null, createdAt: now, updatedAt: now,
  };
  await ctx.tx.mailboxes.insert(mailbox);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: mailbox.id, type: 'mailbox.created', after: described(mailbox) });
  return mailbox;
}

/** Stops reading a mailbox and forgets which of its messages were taken in; tickets made from them stay. */
export async function removeMailboxCommand(ctx: CommandContext, id: string): Promise<void> {
  const current = await loadMailbox(ctx, id);
  await ctx.tx.mailboxes.delete(ctx.workspaceId, id);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: id, type: 'mailbox.deleted', before: described(current) });
}
