import type { Command } from 'commander';

/** Ends the process with exit code 2: the command was called wrongly, nothing was done. */
export function usageError(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Makes commander's own complaints (a missing argument, an unknown option) exit with 2 too. */
export function exitTwoOnUsageError(command: Command): Command {
  return command.exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));
}
