import { fileURLToPath } from 'node:url';
import type { BenchDatabase } from './databases.js';
import type { CeilingConfig } from './ceiling-server.js';
import { startServer, type ServerProcess } from './server-process.js';

const CLI = fileURLToPath(new URL('../src/surfaces/cli/main.js', import.meta.url));
const CEILING = fileURLToPath(new URL('./ceiling-server.js', import.meta.url));

/** Where to write a V8 CPU profile of the server, if one is wanted. */
export interface ProfileOptions {
  cpuProfDir?: string;
}

/** The real server, started the way an operator would: `switchboard serve`, no demo data. */
export function startSwitchboard(database: BenchDatabase, adminToken: string, options: ProfileOptions = {}): Promise<ServerProcess> {
  return startServer({
    script: CLI,
    args: ['serve', ...database.cliArgs, '--port', '0'],
    // The load comes from one token far faster than a person's client would: no rate limit.
    env: { SWITCHBOARD_ADMIN_TOKEN: adminToken, SWITCHBOARD_DEMO: 'false', SWITCHBOARD_LOG_LEVEL: 'warn', SWITCHBOARD_RATE_LIMIT: '0' },
    nodeFlags: options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [],
    ready: /listening on http:\/\/[^\s:]+:(\d+)/,
  });
}

/** The bare insert endpoint, on a database `migrateWithWorkspace` prepared. */
export function startCeiling(database: BenchDatabase, workspaceId: string): Promise<ServerProcess> {
  const { location } = database;
  const config: CeilingConfig = location.kind === 'sqlite'
    ? { kind: 'sqlite', file: location.file, workspaceId }
    : { kind: 'postgres', url: location.url, schema: location.schema, workspaceId };
  return startServer({ script: CEILING, args: [JSON.stringify(config)], ready: /ceiling listening on http:\/\/[^\s:]+:(\d+)/ });
}
