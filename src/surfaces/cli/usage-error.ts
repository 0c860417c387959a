import type { Command } from 'commander';
import { DomainError } from '../../domain/errors.js';

/** Ends the process with exit code 2: the command was called wrongly, nothing was done. */
export function usageError(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Makes commander's own complaints (a missing argument, an unknown option) exit with 2 too. */
export function exitTwoOnUsageError(command: Command): Command {
  return command.exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));
}

/**
 * A refusal of the domain (an unknown id, a forbidden move) as a usage error naming its code, and
 * each mistake it lists with its path; anything else is rethrown.
 */
export function refusedAsUsage(error: unknown): never {
  if (!(error instanceof DomainError)) throw error;
  const listed = (error.details as { errors?: { path: string; message: string }[] } | undefined)?.errors ?? [];
  usageError([`${error.code}: ${error.message}`, ...listed.map((e) => `  ${e.path}: ${e.message}`)].join('\n'));
}
