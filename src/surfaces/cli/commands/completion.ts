import type { Command } from 'commander';
import { bashCompletion, completionNodes, zshCompletion } from '../completion-script.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';

const SHELLS = { bash: bashCompletion, zsh: zshCompletion } as const;

/**
 * `switchboard completion bash|zsh`: prints a completion script built from the command tree as it
 * is when the command runs, so it never drifts from the commands. Register it last.
 */
export function registerCompletion(program: Command): void {
  exitTwoOnUsageError(program.command('completion'))
    .description('print a shell completion script: eval "$(switchboard completion bash)"')
    .argument('<shell>', Object.keys(SHELLS).join(' or '))
    .action((shell: string) => {
      if (!Object.hasOwn(SHELLS, shell)) usageError(`No completion for "${shell}"; use ${Object.keys(SHELLS).join(' or ')}.`);
      process.stdout.write(SHELLS[shell as keyof typeof SHELLS](program.name(), completionNodes(program)));
    });
}
