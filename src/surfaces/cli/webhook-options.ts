import type { Command } from 'commander';
import type { Actor } from '../../domain/shared/actor.js';
import { workspaceSubcommand } from './workspace-subcommand.js';

export const WEBHOOK_CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli' };

/** A `webhooks` sub-command working in one workspace, with the database flags, `--workspace` and `--json`. */
export function webhooksSubcommand(webhooks: Command, name: string): Command {
  return workspaceSubcommand(webhooks, name);
}
