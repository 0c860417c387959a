import type { Command } from 'commander';
import type { TriageServices } from '../../commands/triage/triage-services.js';
import type { Actor } from '../../domain/shared/actor.js';
import { triageServicesFrom } from '../triage-setup.js';
import { configFrom, withDatabaseOptions } from './options.js';
import { exitTwoOnUsageError, usageError } from './usage-error.js';
import { WORKSPACE_HELP } from './workspace-option.js';

export const TRIAGE_CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli triage' };

/** A `triage` sub-command working in one workspace, with the database flags, `--workspace` and `--json`. */
export function triageSubcommand(triage: Command, name: string): Command {
  return exitTwoOnUsageError(withDatabaseOptions(triage.command(name)))
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--json', 'print the answer as the API gives it');
}

/** Triage as the environment configures it (SWITCHBOARD_AI_*), with fall-backs reported on stderr. */
export function configuredTriage(): TriageServices {
  return triageServicesFrom(configFrom({}), (message) => console.error(`warning: ${message}`));
}

/** A `--flag <n>` that must be a whole number within bounds, or a usage error naming it. */
export function wholeNumberOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) usageError(`--${name} takes a whole number from ${min} to ${max}; got "${value}".`);
  return n;
}
