import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JsonBody } from './http.js';

const MAIN = fileURLToPath(new URL('../../src/surfaces/cli/main.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in a child process. Its environment is the caller's without any SWITCHBOARD_*
 * setting (flags and `env` say what the test means), logging only warnings; `stdin` is its input.
 */
export function runCli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliResult> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SWITCHBOARD_')));
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [MAIN, ...args], { env: { ...inherited, SWITCHBOARD_LOG_LEVEL: 'warn', ...options.env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin!.end(options.stdin ?? '');
  });
}

/**
 * The CLI pointed at a test database (read when a command runs, so it may be opened later):
 * `run` answers as the process did; `json` is the parsed `--json` output of a command that must succeed.
 */
export function cliOn(database: () => { cliArgs: string[] }, env: Record<string, string> = {}) {
  const run = (...args: string[]) => runCli([...args, ...database().cliArgs], { env });
  const json = async (...args: string[]): Promise<JsonBody> => {
    const result = await run(...args, '--json');
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as JsonBody;
  };
  return { run, json };
}
