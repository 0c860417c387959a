import type { Command } from 'commander';
import { registerEmailMessages, registerEmailRetry, registerEmailSettings } from './email-messages.js';
import { registerEmailTemplates } from './email-templates.js';

/** `switchboard email messages|retry|templates|settings`: the outbox, the workspace's mail templates and settings. */
export function registerEmail(program: Command): void {
  const email = program.command('email').description('read the outbound mail log, send a mail again, manage mail templates');
  registerEmailMessages(email);
  registerEmailRetry(email);
  registerEmailTemplates(email);
  registerEmailSettings(email);
}
