import type { Command } from 'commander';
import { openConfiguredStore } from '../../runtime.js';
import { formatTable } from '../evaluation-table.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { printJson } from '../print-json.js';
import { usageError } from '../usage-error.js';

type Flags = { json?: boolean; db?: string; databaseUrl?: string; databaseSchema?: string };

/** `switchboard workspace list|use`: the tenants in the database, and how to make one the default. */
export function registerWorkspaceList(workspace: Command): void {
  withDatabaseOptions(workspace.command('list'))
    .description('list the workspaces (slug, name, created)')
    .option('--json', 'print the list as JSON')
    .action(async (flags: Flags) => {
      const all = await readWorkspaces(flags);
      const rows = all.map((w) => ({ id: w.id, slug: w.slug, name: w.name, created_at: new Date(w.createdAt).toISOString() }));
      if (flags.json) return printJson({ data: rows });
      console.log(formatTable(['slug', 'name', 'id', 'created'], rows.map((w) => [w.slug, w.name, w.id, w.created_at]), true));
    });
  withDatabaseOptions(workspace.command('use'))
    .description('print the line that makes a workspace the default of later commands in this shell')
    .argument('<slug>', 'the workspace')
    .action(async (slug: string, flags: Flags) => {
      if (!(await readWorkspaces(flags)).some((w) => w.slug === slug)) usageError(`No workspace "${slug}".`);
      // A process cannot change its parent shell's environment: the shell evaluates this line.
      console.log(`export SWITCHBOARD_WORKSPACE=${slug}`);
    });
}

async function readWorkspaces(flags: Flags) {
  const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
  try {
    return await store.read((tx) => tx.workspaces.list());
  } finally {
    await store.close();
  }
}
