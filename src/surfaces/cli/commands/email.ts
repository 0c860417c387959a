import type { Command } from 'commander';
import { registerEmailMessages, registerEmailRetry } from './email-messages.js';
import { registerEmailTemplates } from './email-templates.js';

/** `switchboard email messages|retry|templates`: the outbox and the workspace's mail templates. */
export function registerEmail(program: Command): void {
  const email = program.command('email').description('read the outbound mail log, send a mail again, manage mail templates');
  registerEmailMessages(email);
  registerEmailRetry(email);
  registerEmailTemplates(email);
}
