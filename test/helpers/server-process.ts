import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const CLI = fileURLToPath(new URL('../../src/surfaces/cli/main.js', import.meta.url));

/** A real `switchboard serve` process, started by a test. */
export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** What the process printed so far, for failure messages. */
  output(): string;
  /** Sends the signal and waits until the process is gone. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** A port nothing listens on right now, found by letting the system pick one. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** The environment without SWITCHBOARD_* settings of the caller, which would override the flags' intent. */
function cleanEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SWITCHBOARD_')));
  return { ...env, ...settings };
}

/**
 * Starts the compiled CLI's `serve` on the database the flags name, with the admin token and no
 * demo data (unless `demo` asks for it) and any further settings in `env`, on `port` when given, and resolves once /healthz answers (or rejects if the
 * process ends first).
 */
export async function startServer(
  databaseArgs: string[], adminToken: string, options: { demo?: boolean; env?: Record<string, string>; port?: number } = {},
): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const server = launch(databaseArgs, adminToken, options, port);
    try {
      await waitForHealth(server, port);
      return server;
    } catch (error) {
      // A free port another test took between finding and binding it: try another.
      if (options.port !== undefined || attempt >= 3 || !server.output().includes('EADDRINUSE')) throw error;
    }
  }
}

function launch(databaseArgs: string[], adminToken: string, options: { demo?: boolean; env?: Record<string, string> }, port: number): ServerProcess {
  const child = spawn(process.execPath, [CLI, 'serve', ...databaseArgs, '--port', String(port), '--host', '127.0.0.1'], {
    env: cleanEnvironment({ SWITCHBOARD_ADMIN_TOKEN: adminToken, SWITCHBOARD_DEMO: options.demo ? 'true' : 'false', SWITCHBOARD_LOG_LEVEL: 'warn', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = once(child, 'exit');
  const server: ServerProcess = {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
  };
  return server;
}

/** How long a server may take to answer /healthz before the test gives up on it instead of hanging. */
const START_LIMIT_MS = 120_000;

/**
 * Waits until this process says it listens on `port` and /healthz answers there. Its own line
 * matters: another test's server may have taken the same free port meanwhile, and its /healthz
 * would answer for a process that never started.
 */
async function waitForHealth(server: ServerProcess, port: number): Promise<void> {
  const giveUpAt = Date.now() + START_LIMIT_MS;
  const listening = new RegExp(`listening on http://[^\\s:]+:${port}\\b`);
  while (server.child.exitCode === null && server.child.signalCode === null) {
    if (Date.now() > giveUpAt) {
      await server.stop('SIGKILL');
      throw new Error(`The server did not answer /healthz within ${START_LIMIT_MS / 1000} s:\n${server.output()}`);
    }
    try {
      if (listening.test(server.output()) && (await fetch(`${server.base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await delay(50);
  }
  throw new Error(`The server ended before it answered /healthz:\n${server.output()}`);
}

/** A call to a started server's API with a bearer token; the answer must be a success, parsed as JSON. */
export async function serverApi<T>(server: ServerProcess, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}
