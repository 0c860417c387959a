import type { Command } from 'commander';
import type { Actor } from '../../domain/shared/actor.js';
import { withDatabaseOptions } from './options.js';
import { exitTwoOnUsageError } from './usage-error.js';
import { WORKSPACE_HELP } from './workspace-option.js';

export const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli' };

/** A sub-command (of `webhooks`, `email`, …) working in one workspace, with the database flags, `--workspace` and `--json`. */
export function workspaceSubcommand(parent: Command, name: string): Command {
  return exitTwoOnUsageError(withDatabaseOptions(parent.command(name)))
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--json', 'print the answer as the API gives it');
}
