import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './helpers/cli.js';

/** What bash offers after `switchboard <typed>` with the generated script loaded (the last word is being completed). */
function offered(script: string, typed: string[]): Promise<string[]> {
  const words = ['switchboard', ...typed].map((word) => `'${word}'`).join(' ');
  const probe = `source ${script}\nCOMP_WORDS=(${words})\nCOMP_CWORD=${typed.length}\n_switchboard_complete\nprintf '%s\\n' "\${COMPREPLY[@]}"`;
  return new Promise((resolve, reject) => {
    execFile('bash', ['--norc', '--noprofile', '-c', probe], (error, stdout, stderr) => {
      if (error) reject(new Error(stderr));
      else resolve(stdout.split('\n').filter(Boolean).sort());
    });
  });
}

describe('shell completion', () => {
  let dir: string;
  let script: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-completion-'));
    const printed = await runCli(['completion', 'bash']);
    assert.equal(printed.code, 0, printed.stderr);
    script = join(dir, 'switchboard.bash');
    writeFileSync(script, printed.stdout);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('completes commands, sub-commands and their options from the command tree, in a real bash', async () => {
    assert.deepEqual(await offered(script, ['tick']), ['ticket', 'tickets']);
    assert.deepEqual(await offered(script, ['tickets', 'es']), ['escalate']);
    assert.deepEqual(await offered(script, ['agents', 'p']), ['presence']);
    assert.deepEqual(await offered(script, ['tickets', 'create', '--title', 'VPN', '--cust']), ['--customer-email', '--customer-name']);
    assert.deepEqual(await offered(script, ['ticket', 'update', 'tkt_1', '--pr']), ['--priority'], 'through an alias and an argument');
    assert.deepEqual(await offered(script, ['completion', '']), ['--help']);
    assert.ok((await offered(script, [''])).includes('canned'));
  });

  it('prints a zsh script through bashcompinit, and refuses another shell with exit 2', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    assert.equal(zsh.code, 0, zsh.stderr);
    assert.match(zsh.stdout, /bashcompinit/);
    assert.match(zsh.stdout, /complete -o default -F _switchboard_complete switchboard/);
    const fish = await runCli(['completion', 'fish']);
    assert.equal(fish.code, 2);
    assert.match(fish.stderr, /bash or zsh/);
  });
});
