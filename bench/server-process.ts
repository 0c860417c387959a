import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** A server running in its own process, so the load generator does not share its thread. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Highest resident set size so far (VmHWM), in MB; null where /proc is missing. */
  peakRssMb(): number | null;
  /** Resident set size now (VmRSS), in MB. */
  rssMb(): number | null;
  /** CPU time used so far (user + system, all threads), in seconds; time blocked in fsync is not in it. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

export interface ServerSpec {
  script: string;
  args: string[];
  env?: Record<string, string>;
  /** Flags for node itself, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** A line on stdout that says the server listens; its first group is the port. */
  ready: RegExp;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** Starts the script and resolves once it prints its ready line. */
export function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(spec.nodeFlags ?? []), spec.script, ...spec.args], {
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${spec.script} did not start within ${START_TIMEOUT_MS} ms.\n${stderr}`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${spec.script} exited (${code}) before it was ready.\n${stdout}\n${stderr}`));
    };
    child.once('exit', onExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = spec.ready.exec(stdout)?.[1];
      if (port === undefined || child.pid === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      // Keep draining stdout, or a chatty child would block on a full pipe.
      child.stdout?.removeAllListeners('data').resume();
      resolve(handle(child, child.pid, Number(port)));
    });
  });
}

function handle(child: ChildProcess, pid: number, port: number): ServerProcess {
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    peakRssMb: () => procStatusMb(pid, 'VmHWM'),
    rssMb: () => procStatusMb(pid, 'VmRSS'),
    cpuSeconds: () => procCpuSeconds(pid),
    stop: () => stopChild(child),
  };
}

/** SIGTERM lets the server close cleanly (and write a CPU profile); SIGKILL if it hangs. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function procStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  const path = `/proc/${pid}/status`;
  if (!existsSync(path)) return null;
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(path, 'utf8'))?.[1];
  return kb === undefined ? null : Number(kb) / 1024;
}

// Linux reports utime and stime in clock ticks of 1/100 s on every architecture Node runs on.
const CLOCK_TICKS_PER_SECOND = 100;

function procCpuSeconds(pid: number): number | null {
  const path = `/proc/${pid}/stat`;
  if (!existsSync(path)) return null;
  return statCpu(readFileSync(path, 'utf8')).seconds;
}

/** The command name and CPU seconds (user + system) of a `/proc/<pid>/stat` line. */
function statCpu(stat: string): { command: string; seconds: number } {
  // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 1).trim().split(' ');
  return { command: stat.slice(stat.indexOf('(') + 1, close), seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND };
}

/**
 * CPU seconds used so far by every process of this machine with that command name (PostgreSQL's
 * backends, say), those that ended meanwhile not counted; null when there is none (a database on
 * another machine).
 */
export function cpuSecondsOfProcessesNamed(command: string): number | null {
  let total: number | null = null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while the list was read
    }
    const cpu = statCpu(stat);
    if (cpu.command === command) total = (total ?? 0) + cpu.seconds;
  }
  return total;
}
