import type { Command } from 'commander';
import { withDatabaseOptions } from './options.js';
import { exitTwoOnUsageError } from './usage-error.js';

/** A sub-command working in one workspace, with the database flags, `--workspace` and `--json`. */
export function workspaceSubcommand(parent: Command, name: string): Command {
  return exitTwoOnUsageError(withDatabaseOptions(parent.command(name)))
    .option('--workspace <slug>', 'workspace slug', 'default')
    .option('--json', 'print the answer as the API gives it');
}
